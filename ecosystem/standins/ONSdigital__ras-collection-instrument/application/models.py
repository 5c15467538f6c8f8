"""Stand-in: GUID is PostgreSQL's uuid there."""
from sqlalchemy import types
from sqlalchemy.dialects import postgresql


class GUID(types.TypeDecorator):
    impl = postgresql.UUID
    cache_ok = True
