"""Stand-in for sqlmodel, as far as laa-civil-case-api's revisions use it: sqlmodel.sql.sqltypes.AutoString in
columns."""
from . import sql
