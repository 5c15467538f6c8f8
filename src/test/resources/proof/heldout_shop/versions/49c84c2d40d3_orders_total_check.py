"""check total

Revision ID: 49c84c2d40d3
Revises: 2ee06a1effe6
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "49c84c2d40d3"
down_revision = "2ee06a1effe6"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_orders_total_positive", "orders", sa.column("total") >= 0)


def downgrade():
    pass
