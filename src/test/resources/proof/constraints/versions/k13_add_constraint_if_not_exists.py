"""ADD CONSTRAINT IF NOT EXISTS is a SyntaxError (42601) on the first run

Revision ID: k13
Revises: k17
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k13"
down_revision = "k17"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE players ADD CONSTRAINT IF NOT EXISTS ck_players_email CHECK (email <> '')")


def downgrade():
    pass
