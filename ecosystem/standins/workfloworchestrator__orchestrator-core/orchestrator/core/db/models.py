"""The two column types of orchestrator/core/db/models.py the revisions name, as they render on PostgreSQL:
UtcTimestamp is a TIMESTAMP WITH TIME ZONE, StringThatAutoConvertsToNullWhenEmpty a VARCHAR(length) (both convert
values only on bind and load, which the walk never does)."""
import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


class UtcTimestamp(TypeDecorator):
    impl = sa.types.TIMESTAMP(timezone=True)
    cache_ok = False


class StringThatAutoConvertsToNullWhenEmpty(TypeDecorator):
    impl = sa.String
    cache_ok = True

    def __init__(self, length=None):
        super().__init__(length)
