"""Stand-in for sqlalchemy-utils (not installed for the harness): URLType, which 2cfe144538e8 uses, is text on
PostgreSQL (sqlalchemy_utils.types.url.URLType's impl is UnicodeText)."""
from sqlalchemy import types


class URLType(types.TypeDecorator):
    impl = types.UnicodeText
    cache_ok = True
