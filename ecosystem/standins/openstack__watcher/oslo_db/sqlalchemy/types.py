"""Stand-in for oslo_db.sqlalchemy.types: SoftDeleteInteger as oslo.db defines it (an Integer bound as int)."""
from sqlalchemy.types import Integer, TypeDecorator


class SoftDeleteInteger(TypeDecorator):
    """Coerce a bound param to be a proper integer before passing it to DBAPI."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        """Return the binding parameter."""
        if value is None:
            return None
        else:
            return int(value)
