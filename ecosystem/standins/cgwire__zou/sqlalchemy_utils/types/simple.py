import sqlalchemy as sa


class EmailType(sa.types.TypeDecorator):
    impl = sa.Unicode(255)
    cache_ok = True


class LocaleType(sa.types.TypeDecorator):
    impl = sa.Unicode(10)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(value)


class TimezoneType(sa.types.TypeDecorator):
    impl = sa.Unicode(50)
    cache_ok = True

    def __init__(self, backend="dateutil"):
        super().__init__()

    def process_bind_param(self, value, dialect):
        return None if value is None else str(getattr(value, "zone", value))
