"""SQLAlchemy 2's top-level `sa.Connection`, which e8c6a4f1d2b7 names in an annotation; the harness runs SQLAlchemy 1.4."""
import sqlalchemy
from sqlalchemy.engine import Connection

if not hasattr(sqlalchemy, "Connection"):
    sqlalchemy.Connection = Connection
