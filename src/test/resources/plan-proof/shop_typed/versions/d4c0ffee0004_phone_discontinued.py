"""phone numbers and discontinued products

Revision ID: d4c0ffee0004
Revises: c3c0ffee0003
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "d4c0ffee0004"
down_revision = "c3c0ffee0003"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("customers", sa.Column("phone", sa.String(20)))
    op.add_column("products", sa.Column("discontinued_at", sa.TIMESTAMP(timezone=True)))


def downgrade():
    op.drop_column("products", "discontinued_at")
    op.drop_column("customers", "phone")
