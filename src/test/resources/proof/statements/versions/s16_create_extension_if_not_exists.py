"""CREATE EXTENSION IF NOT EXISTS re-runs cleanly

Revision ID: s16
Revises: s15
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s16"
down_revision = "s15"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS citext")


def downgrade():
    pass
