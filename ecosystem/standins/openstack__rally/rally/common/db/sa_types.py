"""rally's JSON columns are text on PostgreSQL (json.dumps of the bound value), its TimeStamp a bigint of
microseconds."""
import json

from sqlalchemy import types


class TimeStamp(types.TypeDecorator):
    impl = types.BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else value * 1000000.0


class MutableJSONEncodedDict(types.TypeDecorator):
    impl = types.Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value, sort_keys=False)


class MutableJSONEncodedList(MutableJSONEncodedDict):
    cache_ok = True
