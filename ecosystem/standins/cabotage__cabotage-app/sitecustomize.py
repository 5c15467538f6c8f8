"""cabotage requires SQLAlchemy 2; the harness runs SQLAlchemy 1.4, which lacks two types its revisions name:
- `sqlalchemy.dialects.postgresql.CITEXT` (the root d64c16d7ce0c creates the citext extension, then columns of that
  type): here it renders as PostgreSQL's `CITEXT`, as 2.0's does;
- the generic `sqlalchemy.UUID` (2.0): here 1.4's `postgresql.UUID`, which renders the same `UUID` on PostgreSQL."""
import sqlalchemy
from sqlalchemy.dialects import postgresql
from sqlalchemy.types import UserDefinedType

if not hasattr(postgresql, "CITEXT"):
    class CITEXT(UserDefinedType):
        cache_ok = True

        def get_col_spec(self, **kw):
            return "CITEXT"

    postgresql.CITEXT = CITEXT

if not hasattr(sqlalchemy, "UUID"):
    sqlalchemy.UUID = postgresql.UUID
