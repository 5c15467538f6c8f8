"""CREATE INDEX IF NOT EXISTS re-runs cleanly

Revision ID: o01
Revises: o00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "o01"
down_revision = "o00"
branch_labels = None
depends_on = None


# clean counterpart of: object-created-twice


def upgrade():
    op.execute("CREATE INDEX IF NOT EXISTS ix_players_name ON players (name)")


def downgrade():
    pass
