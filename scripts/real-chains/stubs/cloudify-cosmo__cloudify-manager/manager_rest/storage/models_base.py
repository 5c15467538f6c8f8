from sqlalchemy import types


class UTCDateTime(types.TypeDecorator):
    impl = types.DateTime
    cache_ok = True


class JSONString(types.TypeDecorator):
    impl = types.Text
    cache_ok = True
