"""DROP VIEW without IF EXISTS: 42P01 on re-run

Revision ID: s17
Revises: s16
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s17"
down_revision = "s16"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP VIEW away_games")


def downgrade():
    pass
