"""DROP POLICY IF EXISTS then CREATE POLICY re-runs cleanly

Revision ID: s12
Revises: s11
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s12"
down_revision = "s11"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP POLICY IF EXISTS games_write ON games")
    op.execute("CREATE POLICY games_write ON games FOR INSERT WITH CHECK (true)")


def downgrade():
    pass
