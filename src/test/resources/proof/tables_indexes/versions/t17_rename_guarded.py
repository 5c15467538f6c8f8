"""rename_table guarded by has_table re-runs cleanly

Revision ID: t17
Revises: t16
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t17"
down_revision = "t16"
branch_labels = None
depends_on = None


# clean counterpart of: rename-not-idempotent


def upgrade():
    insp = sa.inspect(op.get_bind())
    if insp.has_table("venues") and not insp.has_table("arenas"):
        op.rename_table("venues", "arenas")


def downgrade():
    pass
