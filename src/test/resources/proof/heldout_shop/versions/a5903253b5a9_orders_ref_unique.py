"""unique order ref

Revision ID: a5903253b5a9
Revises: cf41895bba0f
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "a5903253b5a9"
down_revision = "cf41895bba0f"
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint("uq_orders_ref", "orders", ["ref"])


def downgrade():
    pass
