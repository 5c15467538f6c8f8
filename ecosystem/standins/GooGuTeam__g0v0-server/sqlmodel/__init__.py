"""Stand-in for sqlmodel, as far as g0v0-server's revisions use it: sqlmodel.sql.sqltypes.AutoString in columns and
sqlmodel.text (SQLAlchemy's text, which sqlmodel re-exports)."""
from sqlalchemy import text  # noqa: F401

from . import sql  # noqa: F401
