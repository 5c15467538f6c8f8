"""a column added twice in one revision: 42701 on the first run

Revision ID: o10
Revises: o00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "o10"
down_revision = "o00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE players ADD COLUMN IF NOT EXISTS team_id integer")
    op.add_column("players", sa.Column("team_id", sa.Integer()))


def downgrade():
    pass
