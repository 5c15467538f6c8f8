"""Stand-in for `labonneboite.common.database`: `db_session`, a session on the migration's own connection
(`op.get_bind()`), made when first used; the project's module opens its own engine from its settings."""
from alembic import op
from sqlalchemy.orm import Session

_session = None


def _get():
    global _session
    if _session is None:
        _session = Session(bind=op.get_bind())
    return _session


class _DbSession:
    def __getattr__(self, name):
        return getattr(_get(), name)


db_session = _DbSession()


class _Query:
    """`Model.query`, as Flask-SQLAlchemy's query property gives it."""

    def __get__(self, obj, cls):
        return db_session.query(cls)
