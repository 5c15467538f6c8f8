"""ALTER TYPE ADD VALUE: 42710 on re-run

Revision ID: e06
Revises: e05
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e06"
down_revision = "e05"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE mood ADD VALUE 'angry'")


def downgrade():
    pass
