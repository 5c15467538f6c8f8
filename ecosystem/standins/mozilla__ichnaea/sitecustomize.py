"""ichnaea's env.py connects through ichnaea.db.configure_db, whose engine passes PyMySQL `client_flag=MULTI_STATEMENTS`
and `binary_prefix=True` (ichnaea/db.py at efe7330029): its base revision 000000000000 runs base.sql, many
statements, in one execute. The harness's walker opens its own connection; here every PyMySQL connection it opens
carries the same two options, as the project's own engine does."""
import pymysql.connections
from pymysql.constants.CLIENT import MULTI_STATEMENTS

_init = pymysql.connections.Connection.__init__


def __init__(self, *args, **kwargs):
    kwargs["client_flag"] = kwargs.get("client_flag", 0) | MULTI_STATEMENTS
    kwargs.setdefault("binary_prefix", True)
    _init(self, *args, **kwargs)


pymysql.connections.Connection.__init__ = __init__
