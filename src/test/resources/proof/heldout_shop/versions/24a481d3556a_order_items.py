"""order items

Revision ID: 24a481d3556a
Revises: a5903253b5a9
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "24a481d3556a"
down_revision = "a5903253b5a9"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("order_items"):
        op.create_table(
            "order_items",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("order_id", sa.Integer(), sa.ForeignKey("orders.id"), nullable=False),
            sa.Column("sku", sa.String(64), nullable=False),
            sa.Column("qty", sa.Integer(), nullable=False, server_default="1"),
        )


def downgrade():
    pass
