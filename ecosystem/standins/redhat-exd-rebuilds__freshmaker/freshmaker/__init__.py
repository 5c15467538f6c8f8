"""freshmaker.db: the revisions read `db.session` and never use it."""
from types import SimpleNamespace

db = SimpleNamespace(session=None)
