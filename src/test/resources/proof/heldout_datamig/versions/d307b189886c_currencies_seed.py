"""currencies

Revision ID: d307b189886c
Revises: 
Create Date: 2023-01-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d307b189886c"
down_revision = None
branch_labels = None
depends_on = None


currencies = sa.table(
    "currencies",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
)


def upgrade():
    conn = op.get_bind()
    if not sa.inspect(conn).has_table("currencies"):
        op.create_table(
            "currencies",
            sa.Column("code", sa.String(3), primary_key=True),
            sa.Column("name", sa.String(64), nullable=False),
            sa.Column("rate", sa.Numeric(18, 6), nullable=True),
        )
    op.bulk_insert(
        currencies,
        [
            {"code": "EUR", "name": "Euro"},
            {"code": "USD", "name": "US Dollar"},
        ],
    )


def downgrade():
    pass
