"""The column types the revisions name, as PostgreSQL sees them."""
from sqlalchemy import BigInteger, String, TypeDecorator
from sqlalchemy.ext.compiler import compiles


class CaseSensitiveString(String):
    pass


@compiles(CaseSensitiveString, "postgresql")
def _case_sensitive_on_postgresql(element, compiler, **kw):
    # the "C" collation compares bytes: case-sensitive, as the project wants usernames
    return f'VARCHAR({element.length}) COLLATE "C"'


class SqliteCompatibleBigInteger(BigInteger):
    pass


class EnumArray(TypeDecorator):
    """Enum members kept as one comma-separated string."""

    impl = String
    cache_ok = True

    def __init__(self, enum_cls, length=255):
        super().__init__(length=length)
        self.enum_cls = enum_cls


class StringArray(TypeDecorator):
    """Strings kept as one comma-separated string."""

    impl = String
    cache_ok = True

    def __init__(self, length=255, **kwargs):
        super().__init__(length=length)
