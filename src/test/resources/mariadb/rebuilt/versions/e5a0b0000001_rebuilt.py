"""cloudkitty's shape: batch_alter_table(copy_from=..., recreate="always") builds a new table and swaps it in

Revision ID: e5a0b0000001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "e5a0b0000001"
down_revision = None

states = sa.Table(
    "states",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("identifier", sa.String(64), nullable=False),
)


def upgrade():
    with op.batch_alter_table("states", copy_from=states, recreate="always") as batch_op:
        batch_op.add_column(sa.Column("active", sa.Boolean, nullable=False, server_default="1"))
        batch_op.create_index("ix_states_active", ["active"])
    with op.batch_alter_table("states", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("note", sa.String(20)))
        batch_op.create_unique_constraint("uq_states_note", ["note"])


def downgrade():
    pass
