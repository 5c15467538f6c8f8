"""add custom_notes

Revision ID: zz
Revises:
Create Date: 2024-01-01 10:00:00

"""
from alembic import op

revision = "a1 "
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE players ADD COLUMN IF NOT EXISTS custom_notes text")


def downgrade():
    pass
