from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeDecorator


class JSONType(TypeDecorator):
    """sqlalchemy_utils' JSONType: json on PostgreSQL."""
    impl = postgresql.JSON
    cache_ok = True
