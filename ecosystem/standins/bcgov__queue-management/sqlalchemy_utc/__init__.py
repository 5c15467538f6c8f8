"""Stand-in for sqlalchemy_utc's UtcDateTime, the one type queue-management's revisions name: a timestamp with
time zone column (its impl is DateTime(timezone=True))."""
from . import sqltypes
from .sqltypes import UtcDateTime
