"""coaster.sqlalchemy.columns.JsonDict: a JSON dict column, JSONB on PostgreSQL."""
from sqlalchemy import types
from sqlalchemy.dialects import postgresql


class JsonDict(types.TypeDecorator):
    impl = types.JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.JSONB())
        return dialect.type_descriptor(types.JSON())
