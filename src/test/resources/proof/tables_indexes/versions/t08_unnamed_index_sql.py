"""an unnamed CREATE INDEX gets a fresh name: re-runs cleanly

Revision ID: t08
Revises: t07
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t08"
down_revision = "t07"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE INDEX ON venues (capacity)")


def downgrade():
    pass
