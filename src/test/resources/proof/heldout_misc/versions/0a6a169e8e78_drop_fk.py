"""drop payments fk

Revision ID: 0a6a169e8e78
Revises: 40715df34d8e
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "0a6a169e8e78"
down_revision = "40715df34d8e"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("fk_payments_invoice_id", "payments", type_="foreignkey")


def downgrade():
    pass
