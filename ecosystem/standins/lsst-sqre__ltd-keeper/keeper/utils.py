"""keeper.utils' JSONEncodedVARCHAR (a VARCHAR holding JSON); the real module imports Flask."""
import json

from sqlalchemy.types import VARCHAR, TypeDecorator


class JSONEncodedVARCHAR(TypeDecorator):
    impl = VARCHAR
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value)

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(value)
