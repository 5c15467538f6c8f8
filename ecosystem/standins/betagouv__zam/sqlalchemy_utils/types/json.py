"""sqlalchemy_utils.types.json.JSONType as it renders: PostgreSQL's JSON there, TEXT elsewhere."""
import json

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


class JSONType(sa.types.TypeDecorator):
    impl = sa.UnicodeText
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(postgresql.JSON())
        return dialect.type_descriptor(self.impl)

    def process_bind_param(self, value, dialect):
        if dialect.name == "postgresql":
            return value
        return json.dumps(value) if value is not None else None

    def process_result_value(self, value, dialect):
        if dialect.name == "postgresql":
            return value
        return json.loads(value) if value is not None else None
