"""create_index guarded by get_indexes re-runs cleanly

Revision ID: t06
Revises: t05
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t06"
down_revision = "t05"
branch_labels = None
depends_on = None


# clean counterpart of: create-index-not-idempotent


def upgrade():
    insp = sa.inspect(op.get_bind())
    if "ix_venues_name" not in {i["name"] for i in insp.get_indexes("venues")}:
        op.create_index("ix_venues_name", "venues", ["name"])


def downgrade():
    pass
