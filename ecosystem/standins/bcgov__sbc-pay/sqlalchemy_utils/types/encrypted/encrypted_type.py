import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


class StringEncryptedType(TypeDecorator):
    """sqlalchemy_utils' StringEncryptedType: its impl is String (varchar), which holds the ciphertext."""
    impl = sa.String
    cache_ok = True

    def __init__(self, *args, **kwargs):
        super().__init__()
