"""Stand-in for sqlalchemy_utils.types: UUIDType and IPAddressType as they render on MySQL/MariaDB.

UUIDType is BINARY(16), or CHAR(32) with binary=False (sqlalchemy_utils' load_dialect_impl off PostgreSQL);
IPAddressType is Unicode(max_length), 50 by default: its constructor replaces the impl after passing other keyword
arguments (craton's `length=64`) to TypeDecorator, so they do not change the rendered type."""
import sqlalchemy as sa
from sqlalchemy import types


class UUIDType(types.TypeDecorator):
    impl = types.BINARY(16)
    cache_ok = True

    def __init__(self, binary=True, native=True):
        super().__init__()
        self.binary, self.native = binary, native

    def load_dialect_impl(self, dialect):
        if self.native and dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import UUID
            return dialect.type_descriptor(UUID())
        return dialect.type_descriptor(self.impl if self.binary else sa.CHAR(32))


class IPAddressType(types.TypeDecorator):
    impl = types.Unicode(50)
    cache_ok = True

    def __init__(self, max_length=50, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.impl = types.Unicode(max_length)
