"""sqlalchemy_utils.types.uuid.UUIDType as it renders (native=True): PostgreSQL's UUID there, BINARY(16) elsewhere."""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


class UUIDType(sa.types.TypeDecorator):
    impl = sa.types.BINARY(16)
    cache_ok = True

    def __init__(self, binary=True, native=True):
        super().__init__()
        self.native = native

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql" and self.native:
            return dialect.type_descriptor(postgresql.UUID())
        return dialect.type_descriptor(self.impl)
