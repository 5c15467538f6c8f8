"""Stand-in for iotronic.db.sqlalchemy.models: the column type the revisions use, `JSONEncodedDict`, a TEXT column
holding a JSON-encoded dict, as the project's module defines it (its oslo.db model classes left out)."""
import json

from sqlalchemy.types import TEXT, TypeDecorator


class JsonEncodedType(TypeDecorator):
    type = None
    impl = TEXT

    def process_bind_param(self, value, dialect):
        if value is None:
            value = self.type()
        return json.dumps(value)

    def process_result_value(self, value, dialect):
        return json.loads(value) if value is not None else value


class JSONEncodedDict(JsonEncodedType):
    type = dict


class JSONEncodedList(JsonEncodedType):
    type = list
