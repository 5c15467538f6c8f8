"""Stand-in for sqlalchemy_utils, the three column types funnel's revisions use, with the database types
sqlalchemy_utils gives them on PostgreSQL: TSVectorType (tsvector), TimezoneType (varchar(50)), LocaleType
(varchar(10))."""
from sqlalchemy import types
from sqlalchemy.dialects import postgresql


class TSVectorType(types.TypeDecorator):
    impl = postgresql.TSVECTOR
    cache_ok = True

    def __init__(self, *args, **kwargs):
        super().__init__()


class TimezoneType(types.TypeDecorator):
    impl = types.Unicode(50)
    cache_ok = True

    def __init__(self, backend="dateutil"):
        super().__init__()


class LocaleType(types.TypeDecorator):
    impl = types.Unicode(10)
    cache_ok = True
