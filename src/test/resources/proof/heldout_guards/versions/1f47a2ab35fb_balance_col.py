"""balance

Revision ID: 1f47a2ab35fb
Revises: c2a24ca9b6b5
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "1f47a2ab35fb"
down_revision = "c2a24ca9b6b5"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    cols = [c["name"] for c in sa.inspect(conn).get_columns("accounts")]
    if "balance" not in cols:
        op.add_column("accounts", sa.Column("balance", sa.Numeric(14, 2), server_default="0", nullable=False))


def downgrade():
    pass
