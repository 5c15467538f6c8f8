"""an unnamed ADD CHECK gets a fresh name: re-runs cleanly

Revision ID: k06
Revises: k05
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k06"
down_revision = "k05"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE players ADD CHECK (age < 150)")


def downgrade():
    pass
