"""minute runs SQLAlchemy 2, whose generic sqlalchemy.UUID and sqlalchemy.Uuid its revisions name (sa.UUID(),
sa.Uuid()); the harness's SQLAlchemy 1.4 lacks both. On PostgreSQL they and 1.4's postgresql.UUID render the type
uuid."""
import sqlalchemy
from sqlalchemy.dialects import postgresql

for name in ("UUID", "Uuid"):
    if not hasattr(sqlalchemy, name):
        setattr(sqlalchemy, name, postgresql.UUID)
