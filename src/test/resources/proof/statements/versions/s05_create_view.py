"""CREATE VIEW: 42P07 on re-run

Revision ID: s05
Revises: s04
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s05"
down_revision = "s04"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE VIEW home_games AS SELECT id, home FROM games")


def downgrade():
    pass
