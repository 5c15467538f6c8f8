"""DROP CONSTRAINT IF EXISTS re-runs cleanly

Revision ID: k16
Revises: k15
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k16"
down_revision = "k15"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE teams DROP CONSTRAINT IF EXISTS ck_teams_name")


def downgrade():
    pass
