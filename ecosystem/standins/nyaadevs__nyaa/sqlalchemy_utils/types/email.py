"""Follows sqlalchemy_utils.types.email: EmailType, a VARCHAR (Unicode) of the given length."""
import sqlalchemy as sa


class EmailType(sa.types.TypeDecorator):
    impl = sa.Unicode
    cache_ok = True
