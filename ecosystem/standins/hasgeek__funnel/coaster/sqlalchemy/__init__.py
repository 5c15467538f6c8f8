"""coaster.sqlalchemy: JsonDict (JSONB on PostgreSQL, as coaster's) and UrlType (UnicodeText, as coaster's)."""
from sqlalchemy import types

from .columns import JsonDict


class UrlType(types.TypeDecorator):
    impl = types.UnicodeText
    cache_ok = True
