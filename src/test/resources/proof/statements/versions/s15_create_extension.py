"""CREATE EXTENSION: 42710 on re-run

Revision ID: s15
Revises: s14
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s15"
down_revision = "s14"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE EXTENSION pg_trgm")


def downgrade():
    pass
