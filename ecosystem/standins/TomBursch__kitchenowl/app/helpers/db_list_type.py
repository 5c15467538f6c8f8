"""kitchenowl's DbListType: a list stored as a JSON string (a VARCHAR column on PostgreSQL)."""
from sqlalchemy.types import String, TypeDecorator


class DbListType(TypeDecorator):
    impl = String
    cache_ok = True
