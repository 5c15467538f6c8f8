"""add_column through a helper function: 42701 on re-run

Revision ID: c08
Revises: c07
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c08"
down_revision = "c07"
branch_labels = None
depends_on = None


def add_text_column(table, name):
    op.add_column(table, sa.Column(name, sa.Text(), nullable=True))


def upgrade():
    add_text_column("players", "bio")


def downgrade():
    pass
