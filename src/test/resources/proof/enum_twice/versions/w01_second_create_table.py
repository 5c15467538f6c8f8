"""a second create_table with the same enum: 42710 on the first run

Revision ID: w01
Revises: w00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "w01"
down_revision = "w00"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "shorts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("size", sa.Enum("s", "m", "l", name="size")),
    )


def downgrade():
    pass
