"""Stand-in: psycopg 3 sql composition, served by psycopg2's (same SQL/Identifier API).

psycopg 3's as_string takes the SQLAlchemy connection; psycopg2's needs the DBAPI connection under it.
"""
import psycopg2.extensions
from psycopg2 import sql


def _dbapi(context):
    for _ in range(4):
        if isinstance(context, (psycopg2.extensions.connection, psycopg2.extensions.cursor)):
            break
        context = getattr(context, "dbapi_connection", None) or getattr(context, "connection")
    return context


def _patch(cls):
    as_string = cls.as_string
    cls.as_string = lambda self, context: as_string(self, _dbapi(context))


for _cls in (sql.Composable, sql.Composed, sql.SQL, sql.Identifier, sql.Literal, sql.Placeholder):
    if "as_string" in vars(_cls):
        _patch(_cls)
