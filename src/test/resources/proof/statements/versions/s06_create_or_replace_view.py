"""CREATE OR REPLACE VIEW re-runs cleanly

Revision ID: s06
Revises: s05
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s06"
down_revision = "s05"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE OR REPLACE VIEW away_games AS SELECT id, away FROM games")


def downgrade():
    pass
