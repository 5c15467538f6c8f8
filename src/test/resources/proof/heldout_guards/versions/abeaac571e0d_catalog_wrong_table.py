"""ledger memo

Revision ID: abeaac571e0d
Revises: 5458fa156552
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "abeaac571e0d"
down_revision = "5458fa156552"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    res = conn.execute(
        sa.text(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'accounts' AND column_name = 'memo'"
        )
    ).fetchone()
    if res is None:
        op.add_column("ledgers", sa.Column("memo", sa.Text()))


def downgrade():
    pass
