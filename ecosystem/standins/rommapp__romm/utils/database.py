"""Follows backend/utils/database.py at 57badfd626: CustomJSON and the dialect tests the revisions import, without
the SQLAlchemy 2 annotations (`sa.Connection`) the harness's SQLAlchemy 1.4 lacks."""
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as sa_pg


def CustomJSON(**kwargs):
    return sa.JSON(**kwargs).with_variant(sa_pg.JSONB(**kwargs), "postgresql")


def is_db_version_compatible(conn, min_version=None):
    if min_version is None:
        return True
    server_version = conn.engine.dialect.server_version_info
    return bool(server_version and server_version >= min_version)


def is_postgresql(conn, min_version=None):
    return conn.engine.name == "postgresql" and is_db_version_compatible(conn, min_version)


def is_mysql(conn, min_version=None):
    return conn.engine.name == "mysql" and is_db_version_compatible(conn, min_version)


def is_mariadb(conn, min_version=None):
    return conn.engine.name == "mariadb" and is_db_version_compatible(conn, min_version)
