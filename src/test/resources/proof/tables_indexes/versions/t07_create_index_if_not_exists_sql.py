"""CREATE UNIQUE INDEX IF NOT EXISTS re-runs cleanly

Revision ID: t07
Revises: t06
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t07"
down_revision = "t06"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE UNIQUE INDEX IF NOT EXISTS ux_referees_name ON referees (name)")


def downgrade():
    pass
