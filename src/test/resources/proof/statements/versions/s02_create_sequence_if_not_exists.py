"""CREATE SEQUENCE IF NOT EXISTS re-runs cleanly

Revision ID: s02
Revises: s01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s02"
down_revision = "s01"
branch_labels = None
depends_on = None


# clean counterpart of: create-statement-not-idempotent
# clean counterpart of: invalid-if-not-exists


def upgrade():
    op.execute("CREATE SEQUENCE IF NOT EXISTS invoice_seq")


def downgrade():
    pass
