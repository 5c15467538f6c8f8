"""Stand-in for sqlalchemy-utils' types the revisions use (PostgreSQL renders them as uuid and json)."""
from sqlalchemy import types as _sa_types
from sqlalchemy.dialects import postgresql

from . import types  # noqa: F401  (sqlalchemy_utils.types.uuid.UUIDType)
from .types.uuid import UUIDType  # noqa: F401


class JSONType(_sa_types.TypeDecorator):
    impl = postgresql.JSON
    cache_ok = True
