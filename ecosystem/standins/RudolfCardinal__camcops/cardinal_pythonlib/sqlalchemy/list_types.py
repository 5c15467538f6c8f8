"""Stand-in for `cardinal_pythonlib.sqlalchemy.list_types`: `StringListType` and `IntListType`, TypeDecorators over
the library's `impl` (UnicodeText, Text); the CSV conversions are left out (the library module imports its logging)."""
from sqlalchemy.sql.sqltypes import Text, UnicodeText
from sqlalchemy.sql.type_api import TypeDecorator


class StringListType(TypeDecorator):
    impl = UnicodeText()
    cache_ok = True


class IntListType(TypeDecorator):
    impl = Text()
    cache_ok = True
