"""CREATE INDEX CONCURRENTLY in autocommit_block: 42P07 on re-run

Revision ID: t09
Revises: t08
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t09"
down_revision = "t08"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY ix_seasons_year ON seasons (year)")


def downgrade():
    pass
