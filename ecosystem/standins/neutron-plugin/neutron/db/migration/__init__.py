"""Stand-in for neutron.db.migration: the release milestone names the revisions list in `neutron_milestone`, and the
helpers the revisions call, as neutron's module defines them on MySQL/MariaDB (its PostgreSQL branches left out)."""
import contextlib

import sqlalchemy as sa
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
TRAIN = "train"


def schema_has_table(table_name):
    insp = reflection.Inspector.from_engine(op.get_bind())
    return table_name in insp.get_table_names()


def schema_has_column(table_name, column_name):
    if not schema_has_table(table_name):
        return None
    insp = reflection.Inspector.from_engine(op.get_bind())
    return column_name in [column["name"] for column in insp.get_columns(table_name)]


def alter_enum(table, column, enum_type, nullable, server_default=None, do_drop=True, do_rename=True,
               do_create=True):
    op.alter_column(table, column, type_=enum_type, existing_nullable=nullable, server_default=server_default)


@contextlib.contextmanager
def remove_fks_from_table(table, remove_unique_constraints=False):
    foreign_keys = []
    try:
        inspector = reflection.Inspector.from_engine(op.get_bind())
        foreign_keys = inspector.get_foreign_keys(table)
        for fk in foreign_keys:
            op.drop_constraint(fk["name"], table, type_="foreignkey")
        if remove_unique_constraints:
            for unique in inspector.get_unique_constraints(table):
                op.drop_constraint(unique["name"], table, type_="unique")
        yield
    finally:
        for fk in foreign_keys:
            op.create_foreign_key(fk["name"], table, fk["referred_table"], fk["constrained_columns"],
                                  fk["referred_columns"], **fk["options"])
