"""add_column with an enum no revision creates: UndefinedObject (42704) on the first run

Revision ID: e13
Revises: e11
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e13"
down_revision = "e11"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("players", sa.Column("temper", sa.Enum("hot", "cold", name="temper")))


def downgrade():
    pass
