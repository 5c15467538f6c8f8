"""CREATE INDEX CONCURRENTLY IF NOT EXISTS in autocommit_block re-runs cleanly

Revision ID: t10
Revises: t09
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t10"
down_revision = "t09"
branch_labels = None
depends_on = None

# clean counterpart of: concurrently-in-transaction

def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_referees_id_name ON referees (id, name)")


def downgrade():
    pass
