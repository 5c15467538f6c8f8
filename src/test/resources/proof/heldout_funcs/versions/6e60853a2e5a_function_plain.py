"""price fn

Revision ID: 6e60853a2e5a
Revises: e3a84b67e24e
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "6e60853a2e5a"
down_revision = "e3a84b67e24e"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE FUNCTION item_price_with_vat(p numeric) RETURNS numeric
        LANGUAGE sql IMMUTABLE AS $$ SELECT p * 1.19 $$;
        """
    )


def downgrade():
    pass
