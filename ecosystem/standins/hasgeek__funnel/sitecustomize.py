"""funnel runs SQLAlchemy 2, whose sqlalchemy.Uuid/sqlalchemy.UUID (uuid objects in and out by default) and
sqlalchemy.Row (in annotations) its revisions name; the harness's SQLAlchemy 1.4 lacks them. On PostgreSQL 1.4's
postgresql.UUID renders the type uuid; as_uuid defaults to True as SQLAlchemy 2's do."""
import sqlalchemy
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Row


class _Uuid(postgresql.UUID):
    def __init__(self, as_uuid=True, native_uuid=True):
        super().__init__(as_uuid=as_uuid)


for name in ("UUID", "Uuid"):
    if not hasattr(sqlalchemy, name):
        setattr(sqlalchemy, name, _Uuid)
if not hasattr(sqlalchemy, "Row"):
    sqlalchemy.Row = Row
