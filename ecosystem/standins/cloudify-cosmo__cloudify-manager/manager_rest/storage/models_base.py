"""The two column types as the revisions use them: a timestamp (without time zone) and JSON text, both
converting the values that bulk inserts bind."""
import json
from datetime import datetime

from sqlalchemy import types


class UTCDateTime(types.TypeDecorator):
    impl = types.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, str):
            return datetime.fromisoformat(value.strip("Z"))
        return value.replace(tzinfo=None)


class JSONString(types.TypeDecorator):
    impl = types.Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        try:
            return json.dumps(value)
        except TypeError:
            if hasattr(value, "value"):  # a literal bind parameter of a migration
                return value.value
            raise
