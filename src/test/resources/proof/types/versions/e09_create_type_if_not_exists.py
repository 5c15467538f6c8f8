"""CREATE TYPE IF NOT EXISTS is a SyntaxError (42601) on the first run

Revision ID: e09
Revises: e11
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e09"
down_revision = "e11"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE IF NOT EXISTS shade AS ENUM ('light', 'dark')")


def downgrade():
    pass
