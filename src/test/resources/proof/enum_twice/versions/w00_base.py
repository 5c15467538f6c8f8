"""base: create_table with a native enum column

Revision ID: w00
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "w00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "jerseys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("size", sa.Enum("s", "m", "l", name="size")),
    )


def downgrade():
    pass
