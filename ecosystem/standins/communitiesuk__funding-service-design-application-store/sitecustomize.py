"""The project targets SQLAlchemy 2.0, whose `UUID` type the harness's SQLAlchemy 1.4 lacks; on PostgreSQL it
renders UUID, as postgresql.UUID does."""
import sqlalchemy
import sqlalchemy.types
from sqlalchemy.dialects import postgresql

sqlalchemy.UUID = sqlalchemy.types.UUID = postgresql.UUID
