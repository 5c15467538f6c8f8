"""CHF

Revision ID: aa29e0db1606
Revises: 452772afed10
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "aa29e0db1606"
down_revision = "452772afed10"
branch_labels = None
depends_on = None


currency_table = sa.table("currencies", sa.column("code"), sa.column("name"))


def upgrade():
    conn = op.get_bind()
    conn.execute(currency_table.insert(), [{"code": "CHF", "name": "Swiss Franc"}])


def downgrade():
    pass
