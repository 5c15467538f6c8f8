import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


class URLType(TypeDecorator):
    """sqlalchemy_utils' URLType: its impl is UnicodeText (text)."""
    impl = sa.UnicodeText
    cache_ok = True
