"""payments fk

Revision ID: 40715df34d8e
Revises: 75840037ad46
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "40715df34d8e"
down_revision = "75840037ad46"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(
        "fk_payments_invoice_id",
        "payments",
        "invoices",
        ["invoice_id"],
        ["id"],
        referent_schema="billing",
    )


def downgrade():
    pass
