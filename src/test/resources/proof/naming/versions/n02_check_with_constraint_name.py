"""create_check_constraint: the convention makes ck_orders_positive_total of the name; a re-run fails with DuplicateObject (42710)

Revision ID: n02
Revises: n01
"""
from alembic import op
import sqlalchemy as sa

revision = "n02"
down_revision = "n01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("positive_total", "orders", "total > 0")


def downgrade():
    pass
