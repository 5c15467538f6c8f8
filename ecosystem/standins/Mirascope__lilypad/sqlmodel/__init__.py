"""Stand-in for sqlmodel, as far as lilypad's revisions use it: sqlmodel.sql.sqltypes.AutoString in columns."""
from . import sql
