"""CREATE DOMAIN: 42710 on re-run

Revision ID: e05
Revises: e04
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e05"
down_revision = "e04"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)")


def downgrade():
    pass
