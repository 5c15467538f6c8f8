"""What Weasyl's deployment provides before any revision runs, and the harness's env.py does not: the extension hstore,
made by its database container (containers/postgres/00-hstore.sql at 8d2a019eaa; the squashed root's columns are
hstore), and WEASYL_STORAGE_ROOT, the storage folder f30dc3b5856a reads journal files from (here one that does not
exist: the walk's journal table has no rows to fill)."""
import os

from alembic.runtime import migration

os.environ.setdefault("WEASYL_STORAGE_ROOT", "/nonexistent/weasyl-storage")

_run = migration.MigrationContext.run_migrations


def run_migrations(self, *args, **kwargs):
    self.connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS hstore")
    return _run(self, *args, **kwargs)


migration.MigrationContext.run_migrations = run_migrations
