import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


class EncryptedType(TypeDecorator):
    """sqlalchemy_utils' EncryptedType: its impl is LargeBinary (bytea on PostgreSQL), which holds the ciphertext."""
    impl = sa.LargeBinary
    cache_ok = True

    def __init__(self, *args, **kwargs):
        super().__init__()
