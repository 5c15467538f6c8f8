"""ledger amount idx

Revision ID: bb137971ef13
Revises: bd961d5d25c8
Create Date: 2023-05-13 10:13:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "bb137971ef13"
down_revision = "bd961d5d25c8"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    insp = sa.inspect(conn)
    if "ix_ledger_amount" not in [ix["name"] for ix in insp.get_indexes("ledgers")]:
        op.create_index("ix_ledgers_amount", "ledgers", ["amount"])


def downgrade():
    pass
