"""Stand-in for sqlmodel, as far as credere-backend's revisions use it: sqlmodel.sql.sqltypes.AutoString in columns,
and create_engine (SQLAlchemy's, which sqlmodel re-exports), called at import by the root revision and not used."""
from sqlalchemy import create_engine

from . import sql
