"""rally's JSON columns are text on PostgreSQL, its TimeStamp a bigint."""
from sqlalchemy import types


class TimeStamp(types.TypeDecorator):
    impl = types.BigInteger
    cache_ok = True


class MutableJSONEncodedDict(types.TypeDecorator):
    impl = types.Text
    cache_ok = True


class MutableJSONEncodedList(types.TypeDecorator):
    impl = types.Text
    cache_ok = True
