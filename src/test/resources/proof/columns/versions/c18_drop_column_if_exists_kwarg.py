"""drop_column(if_exists=True) is ignored on Alembic 1.8.1: 42703 on re-run

Revision ID: c18
Revises: c17
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c18"
down_revision = "c17"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("players", "steals", if_exists=True)


def downgrade():
    pass
