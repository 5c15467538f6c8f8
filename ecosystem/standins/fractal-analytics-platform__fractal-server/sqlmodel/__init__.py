"""Stand-in for sqlmodel, as far as fractal-server's revisions use it: sqlmodel.sql.sqltypes.AutoString in columns, and
SQLModel imported by one revision and left unused there."""
from sqlalchemy import MetaData

from . import sql


class SQLModel:
    metadata = MetaData()
