"""Stand-in for sqlalchemy-utils' types the revisions use (PostgreSQL renders them as uuid and json)."""
import sqlalchemy
from sqlalchemy import types
from sqlalchemy.dialects import postgresql

from . import types as _types  # noqa: F401
from .types.uuid import UUIDType  # noqa: F401


class JSONType(types.TypeDecorator):
    impl = postgresql.JSON
    cache_ok = True
