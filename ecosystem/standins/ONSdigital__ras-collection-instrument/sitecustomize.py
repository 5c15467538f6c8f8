"""The project's env.py keeps its tables in schema ras_ci, made before the revisions run; the harness's env.py does not."""
from alembic.runtime import migration

_run = migration.MigrationContext.run_migrations


def run_migrations(self, *args, **kwargs):
    self.connection.exec_driver_sql('CREATE SCHEMA IF NOT EXISTS "ras_ci"')
    return _run(self, *args, **kwargs)


migration.MigrationContext.run_migrations = run_migrations
