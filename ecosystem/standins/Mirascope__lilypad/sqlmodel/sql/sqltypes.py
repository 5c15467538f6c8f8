"""Stand-in for sqlmodel's AutoString: a String without length (varchar on PostgreSQL), as sqlmodel's own type
renders on every dialect but MySQL."""
from sqlalchemy.types import String, TypeDecorator


class AutoString(TypeDecorator):
    impl = String
    cache_ok = True
