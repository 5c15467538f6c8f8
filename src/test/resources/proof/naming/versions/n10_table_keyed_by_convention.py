"""create_table whose primary key is named by the convention (pk_ledger), not PostgreSQL's ledger_pkey

Revision ID: n10
Revises: n09
"""
from alembic import op
import sqlalchemy as sa

revision = "n10"
down_revision = "n09"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "ledger",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("amount", sa.Numeric),
        sa.Column("kind", sa.String(10)),
        sa.CheckConstraint("kind IN ('sale', 'refund')", name="kind_valid"),
    )


def downgrade():
    op.drop_table("ledger")
