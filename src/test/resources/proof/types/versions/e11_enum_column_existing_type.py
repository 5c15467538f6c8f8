"""add_column with an existing dialect ENUM, guarded, re-runs cleanly

Revision ID: e11
Revises: e10
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e11"
down_revision = "e10"
branch_labels = None
depends_on = None


# clean counterpart of: enum-type-missing


def upgrade():
    insp = sa.inspect(op.get_bind())
    if "level" not in {c["name"] for c in insp.get_columns("players")}:
        op.add_column("players", sa.Column("level", postgresql.ENUM(name="level", create_type=False)))


def downgrade():
    pass
