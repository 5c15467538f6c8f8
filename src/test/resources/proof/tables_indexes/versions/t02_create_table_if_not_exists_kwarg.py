"""create_table(if_not_exists=True) is ignored on Alembic 1.8.1: 42P07 on re-run

Revision ID: t02
Revises: t01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t02"
down_revision = "t01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "seasons",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("year", sa.Integer),
        if_not_exists=True,
    )


def downgrade():
    pass
