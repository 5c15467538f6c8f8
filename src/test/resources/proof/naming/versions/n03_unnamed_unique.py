"""create_unique_constraint(None): uq_orders_number; a re-run fails with DuplicateTable (42P07)

Revision ID: n03
Revises: n02
"""
from alembic import op
import sqlalchemy as sa

revision = "n03"
down_revision = "n02"
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint(None, "orders", ["number"])


def downgrade():
    pass
