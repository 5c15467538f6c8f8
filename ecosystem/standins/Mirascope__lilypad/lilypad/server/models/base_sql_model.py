"""Follows lilypad.server.models.base_sql_model: JSONTypeDecorator, JSONB on PostgreSQL and JSON elsewhere."""
from sqlalchemy import JSON
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.types import TypeDecorator


class JSONTypeDecorator(TypeDecorator):
    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if isinstance(dialect, PGDialect):
            return dialect.type_descriptor(JSONB())
        return dialect.type_descriptor(JSON())
