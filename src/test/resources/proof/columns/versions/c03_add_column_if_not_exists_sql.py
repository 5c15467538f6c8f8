"""ADD COLUMN IF NOT EXISTS re-runs cleanly

Revision ID: c03
Revises: c02
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c03"
down_revision = "c02"
branch_labels = None
depends_on = None


# clean counterpart of: add-column-not-idempotent


def upgrade():
    op.execute("ALTER TABLE players ADD COLUMN IF NOT EXISTS shirt_size varchar(8)")


def downgrade():
    pass
