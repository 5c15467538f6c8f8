"""a table with a named unique key and a plain index

Revision ID: o20
Revises: o00
"""
from alembic import op
import sqlalchemy as sa

revision = "o20"
down_revision = "o00"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("city", sa.Text()),
        sa.UniqueConstraint("name", name="uq_teams_name"),
    )
    op.create_index("ix_teams_city", "teams", ["city"])


def downgrade():
    pass
