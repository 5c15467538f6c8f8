"""DROP INDEX IF EXISTS then create_index re-runs cleanly

Revision ID: t11
Revises: t10
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t11"
down_revision = "t10"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP INDEX IF EXISTS ix_venues_capacity_name")
    op.create_index("ix_venues_capacity_name", "venues", ["capacity", "name"])


def downgrade():
    pass
