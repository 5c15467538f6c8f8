"""ck amount

Revision ID: bd961d5d25c8
Revises: 84c61f58b5bf
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "bd961d5d25c8"
down_revision = "84c61f58b5bf"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    insp = sa.inspect(conn)
    checks = {ck["name"] for ck in insp.get_check_constraints("ledgers")}
    if "ck_ledgers_amount_nonzero" not in checks:
        op.create_check_constraint("ck_ledgers_amount_nonzero", "ledgers", "amount <> 0")


def downgrade():
    pass
