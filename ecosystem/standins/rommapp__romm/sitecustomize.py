"""Gives the harness's SQLAlchemy 1.4 the SQLAlchemy 2 top-level names romm's revisions use in annotations
(`sa.TableClause`, `sa.Connection`), before the revisions load."""
import sqlalchemy
from sqlalchemy.sql import expression

if not hasattr(sqlalchemy, "TableClause"):
    sqlalchemy.TableClause = expression.TableClause
if not hasattr(sqlalchemy, "Connection"):
    from sqlalchemy.engine import Connection

    sqlalchemy.Connection = Connection
