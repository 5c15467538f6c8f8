"""create_table guarded by has_table re-runs cleanly

Revision ID: t01
Revises: t00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t01"
down_revision = "t00"
branch_labels = None
depends_on = None


# clean counterpart of: create-table-not-idempotent


def upgrade():
    if not sa.inspect(op.get_bind()).has_table("venues"):
        op.create_table(
            "venues",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("name", sa.Text),
            sa.Column("capacity", sa.Integer),
        )


def downgrade():
    pass
