"""ctms-api requires SQLAlchemy 2; the harness runs SQLAlchemy 1.4, which lacks the generic `sqlalchemy.UUID` (2.0) a
revision names (3689b813fe22, the one file that does): here 1.4's `postgresql.UUID`, which renders
the same `UUID` on PostgreSQL."""
import sqlalchemy
from sqlalchemy.dialects import postgresql

if not hasattr(sqlalchemy, "UUID"):
    sqlalchemy.UUID = postgresql.UUID
