"""laa-civil-case-api targets SQLAlchemy 2.0, whose `Uuid` type the harness's SQLAlchemy 1.4 lacks; on PostgreSQL it
renders UUID, as postgresql.UUID does (both take as_uuid)."""
import sqlalchemy
import sqlalchemy.types
from sqlalchemy.dialects import postgresql

sqlalchemy.Uuid = sqlalchemy.types.Uuid = postgresql.UUID
