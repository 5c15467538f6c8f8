"""DROP COLUMN IF EXISTS re-runs cleanly

Revision ID: c19
Revises: c18
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c19"
down_revision = "c18"
branch_labels = None
depends_on = None


# clean counterpart of: drop-not-idempotent


def upgrade():
    op.execute("ALTER TABLE players DROP COLUMN IF EXISTS blocks")


def downgrade():
    pass
