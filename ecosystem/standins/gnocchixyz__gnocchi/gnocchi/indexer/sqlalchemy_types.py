"""Stand-ins for gnocchi's column types, as the PostgreSQL types they render."""
import sqlalchemy
from sqlalchemy import types


class PreciseTimestamp(types.TypeDecorator):
    impl = sqlalchemy.DateTime
    cache_ok = True


class TimestampUTC(types.TypeDecorator):
    impl = sqlalchemy.DateTime
    cache_ok = True
