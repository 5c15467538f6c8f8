"""index orders by date

Revision ID: a7c0ffee0007
Revises: f6c0ffee0006
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "a7c0ffee0007"
down_revision = "f6c0ffee0006"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_orders_placed_at", "orders", ["placed_at"])


def downgrade():
    op.drop_index("ix_orders_placed_at", table_name="orders")
