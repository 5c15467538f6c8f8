"""create_unique_constraint(None, ...) gets a fresh name: re-runs cleanly

Revision ID: k07
Revises: k06
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k07"
down_revision = "k06"
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint(None, "players", ["email"])


def downgrade():
    pass
