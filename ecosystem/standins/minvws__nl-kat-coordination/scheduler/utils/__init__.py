"""scheduler.utils: only its datastore module is read by the revisions."""
from . import datastore  # noqa: F401
