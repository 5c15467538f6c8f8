"""orchestrator.core.db as the revisions use it: `db.UtcTimestamp(timezone=True)` in columns."""
from .models import StringThatAutoConvertsToNullWhenEmpty, UtcTimestamp  # noqa: F401
