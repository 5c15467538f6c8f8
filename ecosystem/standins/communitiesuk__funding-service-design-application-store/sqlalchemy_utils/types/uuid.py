from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator


class UUIDType(TypeDecorator):
    """On PostgreSQL sqlalchemy_utils renders UUIDType as the native uuid type, whatever `binary` says."""

    impl = postgresql.UUID
    cache_ok = True

    def __init__(self, binary=True, native=True):
        super().__init__(as_uuid=True)
