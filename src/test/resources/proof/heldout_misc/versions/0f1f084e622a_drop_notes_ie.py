"""drop notes

Revision ID: 0f1f084e622a
Revises: 72920fd94608
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "0f1f084e622a"
down_revision = "72920fd94608"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE billing.invoices DROP COLUMN IF EXISTS notes")


def downgrade():
    pass
