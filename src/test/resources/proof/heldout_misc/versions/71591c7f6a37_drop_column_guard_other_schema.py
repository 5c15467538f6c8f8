"""drop customer_ref

Revision ID: 71591c7f6a37
Revises: c622389b278b
Create Date: 2023-05-13 10:13:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "71591c7f6a37"
down_revision = "c622389b278b"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    cols = [c["name"] for c in sa.inspect(bind).get_columns("invoices", schema="billing")]
    if "customer_ref" in cols:
        op.drop_column("invoices", "customer_ref", schema="billing")


def downgrade():
    pass
