"""CREATE VIEW IF NOT EXISTS is a SyntaxError (42601) on the first run

Revision ID: s21
Revises: s20
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s21"
down_revision = "s20"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE VIEW IF NOT EXISTS recent_games AS SELECT id FROM games")


def downgrade():
    pass
