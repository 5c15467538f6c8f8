"""orders comment

Revision ID: d81347c250f2
Revises: 49c84c2d40d3
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d81347c250f2"
down_revision = "49c84c2d40d3"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column(
        "orders",
        "total",
        existing_type=sa.Numeric(12, 2),
        server_default=sa.text("0.00"),
        comment="order total incl. VAT",
    )
    op.create_table_comment("orders", "customer orders")


def downgrade():
    pass
