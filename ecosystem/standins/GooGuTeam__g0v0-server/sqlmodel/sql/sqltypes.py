"""Stand-in for sqlmodel's AutoString as sqlmodel renders it: VARCHAR(255) on MySQL/MariaDB (its load_dialect_impl
gives String(255) there), a String without length elsewhere."""
from sqlalchemy.types import String, TypeDecorator


class AutoString(TypeDecorator):
    impl = String
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "mysql":
            return dialect.type_descriptor(String(length=255))
        return super().load_dialect_impl(dialect)
