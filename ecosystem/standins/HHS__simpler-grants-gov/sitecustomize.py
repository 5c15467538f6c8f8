"""simpler-grants-gov's infrastructure makes the schemas api and staging and the role app before any revision runs
(the revisions name them and never create them); the harness's env.py does not."""
from alembic.runtime import migration

_run = migration.MigrationContext.run_migrations


def run_migrations(self, *args, **kwargs):
    for name in ("api", "staging"):
        self.connection.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{name}"')
    self.connection.exec_driver_sql(
        "DO $$ BEGIN CREATE ROLE app; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    return _run(self, *args, **kwargs)


migration.MigrationContext.run_migrations = run_migrations

# SQLAlchemy 2.0.19's `postgresql_nulls_not_distinct` (24061ff82646 and later), accepted here and not rendered: the
# constraint is made without NULLS NOT DISTINCT, which changes which rows it admits but not whether it exists.
from sqlalchemy import Index, UniqueConstraint  # noqa: E402

for _kind in (UniqueConstraint, Index):
    try:
        _kind.argument_for("postgresql", "nulls_not_distinct", None)
    except Exception:
        pass

# SQLAlchemy 2's top-level `sa.UUID` (65e962033cc6 and later): PostgreSQL's uuid type.
import sqlalchemy  # noqa: E402
from sqlalchemy.dialects.postgresql import UUID as _UUID  # noqa: E402

if not hasattr(sqlalchemy, "UUID"):
    sqlalchemy.UUID = _UUID
if not hasattr(sqlalchemy, "Uuid"):
    sqlalchemy.Uuid = _UUID
