"""Stand-in: UUIDType is PostgreSQL's uuid there."""
import uuid as _uuid

from sqlalchemy import types
from sqlalchemy.dialects import postgresql


class UUIDType(types.TypeDecorator):
    impl = postgresql.UUID
    cache_ok = True

    def __init__(self, binary=True, native=True, **kwargs):
        super().__init__(as_uuid=True)

    def process_bind_param(self, value, dialect):
        if value is None or isinstance(value, _uuid.UUID):
            return value
        return _uuid.UUID(str(value))
