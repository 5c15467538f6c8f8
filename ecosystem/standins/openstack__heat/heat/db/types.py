"""Stand-in for heat.db.types: the column types heat's revisions use, as heat defines them (Text, LONGTEXT on MySQL)."""
import json

from sqlalchemy import types
from sqlalchemy.dialects import mysql


class LongText(types.TypeDecorator):
    impl = types.Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(mysql.LONGTEXT()) if dialect.name == 'mysql' else self.impl


class Json(LongText):
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return json.dumps(value)


class List(LongText):
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return json.dumps(value)
