"""The project targets SQLAlchemy 2.0, whose `UUID` and `Uuid` types the harness's SQLAlchemy 1.4 lacks; on
PostgreSQL they render UUID, as postgresql.UUID does (both take as_uuid)."""
import sqlalchemy
import sqlalchemy.types
from sqlalchemy.dialects import postgresql

sqlalchemy.UUID = sqlalchemy.Uuid = sqlalchemy.types.UUID = sqlalchemy.types.Uuid = postgresql.UUID
