"""drop_constraint("positive_total", type_="check"): Alembic applies the convention, so it drops
ck_orders_positive_total; a re-run fails with UndefinedObject (42704)

Revision ID: n09
Revises: n08
"""
from alembic import op
import sqlalchemy as sa

revision = "n09"
down_revision = "n08"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("positive_total", "orders", type_="check")


def downgrade():
    pass
