"""raw ADD CONSTRAINT CHECK: 42710 on re-run

Revision ID: k05
Revises: k04
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k05"
down_revision = "k04"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE teams ADD CONSTRAINT ck_teams_name CHECK (name <> '')")


def downgrade():
    pass
