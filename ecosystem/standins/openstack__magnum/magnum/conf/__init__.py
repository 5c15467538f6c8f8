# magnum.conf's CONF as far as magnum/db/sqlalchemy/models.py reads it at import time (oslo.config and every
# option module stay out): a MySQL connection with the InnoDB engine, the deployment the revisions target.
from types import SimpleNamespace

CONF = SimpleNamespace(database=SimpleNamespace(connection="mysql+pymysql://magnum@localhost/magnum",
                                                mysql_engine="InnoDB"))
