"""drop vat fn

Revision ID: e65d631f8e25
Revises: 3e2c6ee16512
Create Date: 2023-05-13 10:13:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "e65d631f8e25"
down_revision = "3e2c6ee16512"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP FUNCTION item_price_with_vat(numeric)")


def downgrade():
    pass
