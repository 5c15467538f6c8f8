# migrations/session_helpers.py of ros-backend: an ORM session on Alembic's connection, committed at the end.
from contextlib import contextmanager

from alembic import op
from sqlalchemy.orm.session import Session


@contextmanager
def session():
    s = Session(op.get_bind())
    try:
        yield s
    except Exception:
        s.rollback()
        raise
    else:
        s.commit()
