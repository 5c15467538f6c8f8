"""Stands in for SQLAlchemy-Utils' `sqlalchemy_utils.types.TSVectorType`, which 2f3c3597c78d gives the column
`package.search_vector`: as the library's, a type over PostgreSQL's TSVECTOR, taking the names of the columns it
indexes (kept, unused in the DDL) and keyword options."""
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlalchemy.types import TypeDecorator


class TSVectorType(TypeDecorator):
    impl = TSVECTOR
    cache_ok = True

    def __init__(self, *args, **kwargs):
        self.columns = args
        self.options = kwargs
        super().__init__()
