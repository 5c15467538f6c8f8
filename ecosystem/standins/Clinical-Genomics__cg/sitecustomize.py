"""cg's revisions load only with SQLAlchemy 2 (the project's models, which revisions import, use DeclarativeBase),
but revision 76e8252a6efb (2022, written for SQLAlchemy 1.x) runs `bind.execute("update family set ...")`, a plain
string, which 2.0 refuses ("Not an executable object") and the walk stopped there. Here a string passed to
Connection.execute runs as SQLAlchemy 1.4 ran it, as driver SQL (Connection.exec_driver_sql)."""
from sqlalchemy.engine import Connection

_execute = Connection.execute


def execute(self, statement, *args, **kwargs):
    if isinstance(statement, str):
        return self.exec_driver_sql(statement, *args, **kwargs)
    return _execute(self, statement, *args, **kwargs)


Connection.execute = execute
