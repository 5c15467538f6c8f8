"""the same index created again: 42P07 on the first run

Revision ID: o02
Revises: o01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "o02"
down_revision = "o01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_players_name", "players", ["name"])


def downgrade():
    pass
