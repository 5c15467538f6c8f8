"""a billing table with a unique index over its key, as notifications-api's monthly_billing

Revision ID: 001
Revises: 
Create Date: 2026-03-01 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "000"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "usa.ge_totals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), nullable=False)+
        sa.Column("period", sa.String(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
    )
    op.create_index("uix_usage_totals", "usage_totals", ["account_id", "period"], unique=True)


def downgrade():
    op.drop_table("usage_totals")
