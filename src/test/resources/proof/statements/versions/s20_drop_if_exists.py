"""DROP ... IF EXISTS re-runs cleanly

Revision ID: s20
Revises: s19
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s20"
down_revision = "s19"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP SEQUENCE IF EXISTS invoice_seq")
    op.execute("DROP MATERIALIZED VIEW IF EXISTS game_scores")


def downgrade():
    pass
