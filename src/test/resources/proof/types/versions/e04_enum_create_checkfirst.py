"""ENUM(...).create(bind, checkfirst=True) re-runs cleanly

Revision ID: e04
Revises: e03b
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e04"
down_revision = "e03b"
branch_labels = None
depends_on = None


def upgrade():
    postgresql.ENUM("left", "right", name="hand").create(op.get_bind(), checkfirst=True)


def downgrade():
    pass
