"""Stand-in for neutron.db.migration: the two helpers networking-cisco's revisions call, as neutron's module defines
them (`schema_has_table` asks the inspector; `remove_foreign_keys` drops each named foreign key)."""
from alembic import op
from sqlalchemy.engine import reflection


def schema_has_table(table_name):
    insp = reflection.Inspector.from_engine(op.get_bind())
    return table_name in insp.get_table_names()


def remove_foreign_keys(table, foreign_keys):
    for fk in foreign_keys:
        op.drop_constraint(constraint_name=fk["name"], table_name=table, type_="foreignkey")
