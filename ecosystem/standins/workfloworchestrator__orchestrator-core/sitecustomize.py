"""orchestrator-core requires SQLAlchemy 2; the harness runs SQLAlchemy 1.4, whose Connection.execute takes the bind
parameters positionally: 9736496e3eba passes them as `parameters=` (2.0's keyword), which 1.4 reads as a bind parameter
named "parameters" (StatementError, the walk stopped there). Here `parameters=` is passed on as 2.0 does."""
from sqlalchemy.engine import Connection

_execute = Connection.execute


def execute(self, statement, *multiparams, **params):
    if "parameters" in params and not multiparams:
        multiparams = (params.pop("parameters"),)
    return _execute(self, statement, *multiparams, **params)


Connection.execute = execute
