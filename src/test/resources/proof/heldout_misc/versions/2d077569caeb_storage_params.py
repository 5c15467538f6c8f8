"""fillfactor

Revision ID: 2d077569caeb
Revises: 345220c04d92
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "2d077569caeb"
down_revision = "345220c04d92"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE billing.invoices SET (fillfactor = 90)")
    op.execute("ALTER TABLE payments ALTER COLUMN amount SET STATISTICS 500")
    op.create_table_comment("invoices", "issued invoices", schema="billing")


def downgrade():
    pass
