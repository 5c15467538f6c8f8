"""Stand-in for neutron.db.migration: the release milestone names the revisions list in `neutron_milestone`, and the
helpers the revisions call, as neutron's module defines them on MySQL/MariaDB (its PostgreSQL branches left out)."""
from alembic import op
from sqlalchemy.engine import reflection

LIBERTY = "liberty"
MITAKA = "mitaka"
NEWTON = "newton"
OCATA = "ocata"
PIKE = "pike"
QUEENS = "queens"
ROCKY = "rocky"
STEIN = "stein"


def schema_has_table(table_name):
    insp = reflection.Inspector.from_engine(op.get_bind())
    return table_name in insp.get_table_names()


def alter_enum_add_value(table, column, enum, nullable, server_default=None):
    op.alter_column(table, column, type_=enum, existing_nullable=nullable, server_default=server_default)
