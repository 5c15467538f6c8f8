# oslo.db's String: sqlalchemy.String taking mysql_ndb_length / mysql_ndb_type, which only matter on MySQL
# Cluster (NDB); on InnoDB it is the plain String it extends.
import sqlalchemy


class String(sqlalchemy.String):
    cache_ok = True

    def __init__(self, length=None, mysql_ndb_length=None, mysql_ndb_type=None, **kw):
        super().__init__(length, **kw)
