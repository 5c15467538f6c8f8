"""invoice no seq

Revision ID: a09eec4eac80
Revises: 0a6a169e8e78
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "a09eec4eac80"
down_revision = "0a6a169e8e78"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SEQUENCE billing.invoice_no_seq START WITH 10000")


def downgrade():
    pass
