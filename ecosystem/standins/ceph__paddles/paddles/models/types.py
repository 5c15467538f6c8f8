"""paddles' JSONType: JSON kept as text (a TEXT column on PostgreSQL; paddles/models/types.py at 3c1642ee4c)."""
from sqlalchemy import types


class JSONType(types.TypeDecorator):
    impl = types.UnicodeText
    cache_ok = True
