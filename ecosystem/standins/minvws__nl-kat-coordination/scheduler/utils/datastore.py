"""scheduler.utils.datastore.GUID, named by revisions 0001, 0002 and 0008: the project's TypeDecorator at cae5e263ec,
PostgreSQL's UUID type there and CHAR(32) elsewhere (what a revision's DDL renders; its value conversions are kept)."""
import uuid

from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.types import CHAR, TypeDecorator


class GUID(TypeDecorator):
    impl = CHAR
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(UUID())
        return dialect.type_descriptor(CHAR(32))

    def process_bind_param(self, value, dialect):
        if value is None:
            return value
        if dialect.name == "postgresql":
            return str(value)
        if not isinstance(value, uuid.UUID):
            return f"{uuid.UUID(value).int:032x}"
        return f"{value.int:032x}"

    def process_result_value(self, value, dialect):
        if value is None or isinstance(value, uuid.UUID):
            return value
        return uuid.UUID(value)
