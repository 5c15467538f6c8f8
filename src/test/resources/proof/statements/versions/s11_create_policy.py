"""CREATE POLICY: 42710 on re-run

Revision ID: s11
Revises: s10
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s11"
down_revision = "s10"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE POLICY games_read ON games FOR SELECT USING (true)")


def downgrade():
    pass
