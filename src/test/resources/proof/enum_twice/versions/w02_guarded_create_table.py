"""has_table guards the table, not its enum type: 42710 on the first run

Revision ID: w02
Revises: w00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "w02"
down_revision = "w00"
branch_labels = None
depends_on = None


def upgrade():
    if not sa.inspect(op.get_bind()).has_table("socks"):
        op.create_table(
            "socks",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("size", sa.Enum("s", "m", "l", name="size")),
        )


def downgrade():
    pass
