from sqlalchemy import types
from sqlalchemy.dialects.postgresql import UUID


class GUID(types.TypeDecorator):
    impl = UUID
    cache_ok = True
