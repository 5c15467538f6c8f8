"""mcp-context-forge requires SQLAlchemy 2; the harness runs SQLAlchemy 1.4.

- Its revisions annotate with the top-level `sa.Connection` and `sa.Inspector` (SQLAlchemy 2 names), evaluated when
  they load: 1.4 has both under sqlalchemy.engine.
- 733159a4fa74 and r2b3c4d5e6f7 call `connection.commit()` (SQLAlchemy 2's commit-as-you-go) on Alembic's connection,
  which 1.4's Connection lacks. Here it commits nothing: the work stays in the revision's transaction, which Alembic
  commits at the revision's end (committing it early and beginning another would leave the rest of the revision in a
  transaction Alembic never commits). A first run that passes leaves the same schema either way.
"""
import sqlalchemy
from sqlalchemy.engine import Connection as _Connection
from sqlalchemy.engine.reflection import Inspector as _Inspector

for _name, _value in (("Connection", _Connection), ("Inspector", _Inspector)):
    if not hasattr(sqlalchemy, _name):
        setattr(sqlalchemy, _name, _value)

if not hasattr(_Connection, "commit"):
    _Connection.commit = lambda self: None
