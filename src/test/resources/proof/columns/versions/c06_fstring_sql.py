"""f-string ADD COLUMN: 42701 on re-run

Revision ID: c06
Revises: c05
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c06"
down_revision = "c05"
branch_labels = None
depends_on = None


def upgrade():
    table = "teams"
    column = "founded_at"
    op.execute(f"ALTER TABLE {table} ADD COLUMN {column} timestamptz")


def downgrade():
    pass
