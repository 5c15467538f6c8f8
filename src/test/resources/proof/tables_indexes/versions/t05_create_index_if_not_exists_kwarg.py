"""create_index(if_not_exists=True) is ignored on Alembic 1.8.1: 42P07 on re-run

Revision ID: t05
Revises: t04
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t05"
down_revision = "t04"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_teams_city", "teams", ["city"], if_not_exists=True)


def downgrade():
    pass
