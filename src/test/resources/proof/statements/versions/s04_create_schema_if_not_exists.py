"""CREATE SCHEMA IF NOT EXISTS re-runs cleanly

Revision ID: s04
Revises: s03
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s04"
down_revision = "s03"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SCHEMA IF NOT EXISTS archive")


def downgrade():
    pass
