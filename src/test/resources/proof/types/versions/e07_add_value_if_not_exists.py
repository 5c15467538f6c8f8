"""ALTER TYPE ADD VALUE IF NOT EXISTS re-runs cleanly

Revision ID: e07
Revises: e06
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e07"
down_revision = "e06"
branch_labels = None
depends_on = None


# clean counterpart of: alter-type-add-value-not-idempotent


def upgrade():
    op.execute("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy'")


def downgrade():
    pass
