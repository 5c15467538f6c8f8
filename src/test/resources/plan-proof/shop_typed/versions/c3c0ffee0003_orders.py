"""orders

Revision ID: c3c0ffee0003
Revises: b2c0ffee0002
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c3c0ffee0003"
down_revision = "b2c0ffee0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id", name="fk_orders_customer"), nullable=False),
        sa.Column("status", sa.Enum("pending", "paid", "shipped", name="order_status"), nullable=False),
        sa.Column("total", sa.Numeric(12, 2), nullable=False),
        sa.Column("currency", sa.CHAR(3), nullable=False),
        sa.Column("placed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ship_by", sa.Date()),
        sa.Column("public_id", postgresql.UUID(as_uuid=True), nullable=False),
    )


def downgrade():
    op.drop_table("orders")
    sa.Enum(name="order_status").drop(op.get_bind())
