"""sbc-auth runs SQLAlchemy 2, whose generic sqlalchemy.UUID two revisions name (sa.UUID()); the harness's
SQLAlchemy 1.4 lacks it. On PostgreSQL both it and 1.4's postgresql.UUID render the type uuid."""
import sqlalchemy
from sqlalchemy.dialects import postgresql

if not hasattr(sqlalchemy, "UUID"):
    sqlalchemy.UUID = postgresql.UUID
