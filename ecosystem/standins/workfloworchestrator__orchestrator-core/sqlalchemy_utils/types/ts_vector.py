"""Stand-in for sqlalchemy_utils' TSVectorType: a tsvector column on PostgreSQL (its impl is postgresql.TSVECTOR)."""
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.types import TypeDecorator


class TSVectorType(TypeDecorator):
    impl = TSVECTOR
    cache_ok = True

    def __init__(self, *columns, **kwargs):
        super().__init__()
