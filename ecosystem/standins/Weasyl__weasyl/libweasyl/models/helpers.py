"""libweasyl.models.helpers' column types as the PostgreSQL types they render (libweasyl/models/helpers.py at
8d2a019eaa): WeasylTimestampColumn INTEGER, ArrowColumn TIMESTAMP, CharSettingsColumn VARCHAR, JSONValuesColumn
HSTORE, IntegerEnumColumn INTEGER."""
from sqlalchemy import types
from sqlalchemy.dialects.postgresql import HSTORE


class WeasylTimestampColumn(types.TypeDecorator):
    impl = types.INTEGER
    cache_ok = True


class ArrowColumn(types.TypeDecorator):
    impl = types.TIMESTAMP
    cache_ok = True


class CharSettingsColumn(types.TypeDecorator):
    impl = types.String
    cache_ok = True

    def __init__(self, settings_map, enums=(), **kwargs):
        super().__init__(**kwargs)


class JSONValuesColumn(types.TypeDecorator):
    impl = HSTORE
    cache_ok = True


class IntegerEnumColumn(types.TypeDecorator):
    impl = types.INTEGER
    cache_ok = True

    def __init__(self, enum_values):
        super().__init__()
