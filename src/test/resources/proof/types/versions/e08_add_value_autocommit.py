"""ALTER TYPE ADD VALUE IF NOT EXISTS in autocommit_block re-runs cleanly

Revision ID: e08
Revises: e07
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e08"
down_revision = "e07"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("ALTER TYPE status ADD VALUE IF NOT EXISTS 'injured'")


def downgrade():
    pass
