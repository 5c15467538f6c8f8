"""cloudkitty's 4da82e1c11c8 shape: batch blocks over a loop variable's table

Revision ID: e7a0b0000001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "e7a0b0000001"
down_revision = None

CONSTRAINT_MAP = {
    "hashmap_mappings": {"uniq_field_mapping": (["value", "field_id", "tenant_id"], ["value", "field_id"])},
    "hashmap_thresholds": {"uniq_field_threshold": (["level", "field_id", "tenant_id"], ["level", "field_id"])},
}


def upgrade():
    for table in ("hashmap_mappings", "hashmap_thresholds"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("tenant_id", sa.String(length=36), nullable=True))
            for name, columns in CONSTRAINT_MAP[table].items():
                batch_op.drop_constraint(name, type_="unique")
                batch_op.create_unique_constraint(name, columns[0])


def downgrade():
    pass
