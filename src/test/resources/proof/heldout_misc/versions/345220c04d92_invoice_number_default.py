"""number default

Revision ID: 345220c04d92
Revises: a09eec4eac80
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "345220c04d92"
down_revision = "a09eec4eac80"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column(
        "invoices",
        "number",
        existing_type=sa.Integer(),
        server_default=sa.text("nextval('billing.invoice_no_seq')"),
        nullable=False,
        schema="billing",
    )


def downgrade():
    pass
