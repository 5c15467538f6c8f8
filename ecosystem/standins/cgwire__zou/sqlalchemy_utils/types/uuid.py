import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


class UUIDType(sa.types.TypeDecorator):
    impl = postgresql.UUID(as_uuid=False)
    cache_ok = True

    def __init__(self, binary=True, native=True):
        super().__init__()

    def process_bind_param(self, value, dialect):
        return None if value is None else str(value)

    def process_result_value(self, value, dialect):
        return None if value is None else uuid.UUID(str(value))
