"""kitchenowl's DbSetType: a set stored as a JSON string (a VARCHAR column on PostgreSQL)."""
from sqlalchemy.types import String, TypeDecorator


class DbSetType(TypeDecorator):
    impl = String
    cache_ok = True
