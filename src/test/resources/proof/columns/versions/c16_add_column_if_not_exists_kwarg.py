"""add_column(if_not_exists=True) raises TypeError on Alembic 1.8.1

Revision ID: c16
Revises: c21
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c16"
down_revision = "c21"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("players", sa.Column("agent", sa.Text()), if_not_exists=True)


def downgrade():
    pass
