from sqlalchemy import types


class ArrowType(types.TypeDecorator):
    impl = types.DateTime
    cache_ok = True
