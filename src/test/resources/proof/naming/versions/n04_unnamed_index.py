"""create_index(None): ix_orders_placed_at; a re-run fails with DuplicateTable (42P07)

Revision ID: n04
Revises: n03
"""
from alembic import op
import sqlalchemy as sa

revision = "n04"
down_revision = "n03"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(None, "orders", ["placed_at"])


def downgrade():
    pass
