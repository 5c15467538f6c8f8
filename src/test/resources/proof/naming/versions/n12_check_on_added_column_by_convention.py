"""check constraints the convention names (ck_orders_number_short, ck_ledger_amount_positive): the re-run
creates them again and fails with DuplicateObject (42710)

Revision ID: n12
Revises: n11
"""
from alembic import op
import sqlalchemy as sa

revision = "n12"
down_revision = "n11"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint(op.f("ck_orders_number_short"), "orders", "length(number) < 40")
    op.create_check_constraint("amount_positive", "ledger", sa.column("amount") > 0)


def downgrade():
    op.drop_constraint("ck_ledger_amount_positive", "ledger", type_="check")
    op.drop_constraint("ck_orders_number_short", "orders", type_="check")
