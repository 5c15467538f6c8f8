"""Runs one revision's upgrade() against a MySQL/MariaDB URL with Alembic's op bound, the way
`alembic upgrade` does, and prints the server's error number on failure (exit 1).

    python3 run_upgrade.py mysql+pymysql://root@127.0.0.1:PORT/db path/to/revision.py
"""
import importlib.util
import sys

import sqlalchemy as sa
from alembic.migration import MigrationContext
from alembic.operations import Operations


def main(url, path):
    spec = importlib.util.spec_from_file_location("revision", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            with Operations.context(MigrationContext.configure(conn)):
                module.upgrade()
    except sa.exc.DBAPIError as e:
        print("ERROR %s: %s" % (e.orig.args[0], e.orig.args[1]))
        return 1
    finally:
        engine.dispose()
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
