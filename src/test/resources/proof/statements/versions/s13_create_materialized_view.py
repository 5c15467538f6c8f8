"""CREATE MATERIALIZED VIEW: 42P07 on re-run

Revision ID: s13
Revises: s12
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s13"
down_revision = "s12"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE MATERIALIZED VIEW game_scores AS SELECT id, score FROM games")


def downgrade():
    pass
