"""Stand-in for altair.models (pumbahk/altair altairlib/altair.models/src/altair/models/__init__.py).

Only the column types the revisions import: Identifier is BigInteger off SQLite in the original (its inner type is
chosen from the engine's dialect), JSONEncodedDict a VARCHAR holding JSON, SpaceDelimitedList a Unicode column
holding a space-delimited list; MutationDict and MutableSpaceDelimitedList are the mutable wrappers the revisions pass
to ``as_mutable``. The original's Python 2 code (basestring, unicode, its nervous JSON decoder) is not needed for DDL.
"""
import json

from sqlalchemy.ext.mutable import Mutable
from sqlalchemy.types import VARCHAR, BigInteger, TypeDecorator, Unicode


class Identifier(BigInteger):
    """BigInteger, as the original resolves it on MySQL."""


class JSONEncodedObject(TypeDecorator):
    impl = VARCHAR
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else json.dumps(value)

    def process_result_value(self, value, dialect):
        return None if value is None else json.loads(value)


JSONEncodedDict = JSONEncodedObject


class MutationDict(Mutable, dict):
    @classmethod
    def coerce(cls, key, value):
        if isinstance(value, MutationDict):
            return value
        if isinstance(value, dict):
            return MutationDict(value)
        return Mutable.coerce(key, value)


class SpaceDelimitedList(TypeDecorator):
    impl = Unicode
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else " ".join(str(v).strip() for v in value)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        s = value.strip(" ")
        return s.split(" ") if s else []


class MutableSpaceDelimitedList(Mutable, list):
    @classmethod
    def coerce(cls, key, value):
        if isinstance(value, MutableSpaceDelimitedList):
            return value
        try:
            return MutableSpaceDelimitedList(iter(value))
        except TypeError:
            return Mutable.coerce(key, value)
