"""only downgrade() adds and drops: upgrade re-runs cleanly

Revision ID: c20
Revises: c19
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c20"
down_revision = "c19"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE teams SET name = trim(name)")


def downgrade():
    op.drop_column("players", "bio")
    op.add_column("players", sa.Column("legacy_code", sa.Text()))
