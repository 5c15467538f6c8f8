"""The project's env.py creates its schemas before the revisions run; the harness's env.py does not."""
from alembic.runtime import migration

_SCHEMAS = "authz capacity_reservation common connected_services events metrics notifications platform projects resource_pools secrets sessions storage user_preferences users".split()
_run = migration.MigrationContext.run_migrations


def run_migrations(self, *args, **kwargs):
    for name in _SCHEMAS:
        self.connection.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{name}"')
    return _run(self, *args, **kwargs)


migration.MigrationContext.run_migrations = run_migrations
