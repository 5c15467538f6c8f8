import json

from sqlalchemy.types import VARCHAR, TypeDecorator


class JSONEncodedDict(TypeDecorator):
    """copr stores these as a json-encoded VARCHAR (coprs/helpers.py)."""

    impl = VARCHAR
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value)

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(value)
