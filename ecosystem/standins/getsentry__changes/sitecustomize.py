# The project's env.py replaces these sqlalchemy names with its own column types before the
# revisions load (sa.Enum = changes.db.types.enum.Enum, ...); the stand-ins render the same SQL.
import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator, INT, CHAR, Unicode
from sqlalchemy.dialects.postgresql import UUID

class Enum(TypeDecorator):
    impl = INT
    cache_ok = True
    def __init__(self, enum=None, *args, **kwargs):
        self.enum = enum
        super().__init__(*args, **kwargs)

class FileStorage(TypeDecorator):
    impl = Unicode
    cache_ok = True
    def __init__(self, storage=None, path='', *args, **kwargs):
        super().__init__(*args, **kwargs)

class GUID(TypeDecorator):
    impl = CHAR
    cache_ok = True
    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(UUID()) if dialect.name == "postgresql" else dialect.type_descriptor(CHAR(32))

class JSONEncodedDict(TypeDecorator):
    impl = Unicode
    cache_ok = True

sa.Enum = Enum
sa.FileStorage = FileStorage
sa.GUID = GUID
sa.JSONEncodedDict = JSONEncodedDict
