"""billing schema

Revision ID: 224150b0c164
Revises: 
Create Date: 2023-01-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "224150b0c164"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SCHEMA IF NOT EXISTS billing")
    bind = op.get_bind()
    insp = sa.inspect(bind)
    if not insp.has_table("invoices", schema="billing"):
        op.create_table(
            "invoices",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("number", sa.Integer(), nullable=True),
            sa.Column("notes", sa.Text()),
            sa.Column("customer_ref", sa.Integer()),
            schema="billing",
        )
    if not insp.has_table("payments"):
        op.create_table(
            "payments",
            sa.Column("invoice_id", sa.Integer(), nullable=False),
            sa.Column("amount", sa.Numeric(12, 2)),
            sa.Column("during", postgresql.TSRANGE()),
        )


def downgrade():
    pass
