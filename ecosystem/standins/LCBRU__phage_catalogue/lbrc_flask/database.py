"""Stand-in for `lbrc_flask.database` (src/lbrc_flask/database.py): `db`, the Flask-SQLAlchemy object.

The real `db.session` is a session on the engine the Flask app configures from SQLALCHEMY_DATABASE_URI, the database
Alembic migrates; here `db.session` is a session on the migration's own connection (`op.get_bind()`), made anew when
that connection changes, and `db.Model` a declarative base.
"""
from alembic import op
from sqlalchemy.orm import Session, declarative_base

_session = None
_bind = None


def _get():
    global _session, _bind
    bind = op.get_bind()
    if _session is None or bind is not _bind:
        _session, _bind = Session(bind=bind), bind
    return _session


class _DbSession:
    def __getattr__(self, name):
        return getattr(_get(), name)


class _Db:
    Model = declarative_base()
    session = _DbSession()


db = _Db()
