"""ledger idx

Revision ID: 298b436af8b3
Revises: ed7b125e9e21
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "298b436af8b3"
down_revision = "ed7b125e9e21"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    indexes = [i["name"] for i in sa.inspect(conn).get_indexes("ledgers")]
    if "ix_ledgers_account_id" not in indexes:
        op.create_index("ix_ledgers_account_id", "ledgers", ["account_id"])


def downgrade():
    pass
