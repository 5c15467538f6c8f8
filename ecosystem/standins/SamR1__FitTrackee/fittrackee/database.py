from sqlalchemy import DateTime, TypeDecorator
class TZDateTime(TypeDecorator):
    impl = DateTime
    cache_ok = True
