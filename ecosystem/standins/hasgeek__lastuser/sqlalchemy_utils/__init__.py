"""Stand-in for sqlalchemy_utils, the one type lastuser's revisions use: UUIDType, PostgreSQL's native uuid there
(binary and native only choose the type on other dialects)."""
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator


class UUIDType(TypeDecorator):
    impl = postgresql.UUID
    cache_ok = True

    def __init__(self, binary=True, native=True, **kwargs):
        super().__init__(as_uuid=True)
