"""add_column in a literal for-loop: 42701 on re-run

Revision ID: c09
Revises: c08
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c09"
down_revision = "c08"
branch_labels = None
depends_on = None


def upgrade():
    for stat in ["steals", "blocks"]:
        op.add_column("players", sa.Column(stat, sa.Integer(), server_default="0"))


def downgrade():
    pass
