"""create_foreign_key(None): the convention names it fk_orders_customer_id_customers, so a re-run fails with DuplicateObject (42710)

Revision ID: n01
Revises: n00
"""
from alembic import op
import sqlalchemy as sa

revision = "n01"
down_revision = "n00"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(None, "orders", "customers", ["customer_id"], ["id"])


def downgrade():
    pass
