"""Stand-ins for gnocchi's JSON-in-text column types (PostgreSQL: text)."""
import sqlalchemy
from sqlalchemy import types


class ArchivePolicyDefinitionType(types.TypeDecorator):
    impl = sqlalchemy.Text
    cache_ok = True


class SetType(types.TypeDecorator):
    impl = sqlalchemy.Text
    cache_ok = True
