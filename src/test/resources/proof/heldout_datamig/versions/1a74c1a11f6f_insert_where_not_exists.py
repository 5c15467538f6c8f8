"""SEK

Revision ID: 1a74c1a11f6f
Revises: aa29e0db1606
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "1a74c1a11f6f"
down_revision = "aa29e0db1606"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        INSERT INTO currencies (code, name)
        SELECT 'SEK', 'Swedish Krona'
        WHERE NOT EXISTS (SELECT 1 FROM currencies WHERE code = 'SEK')
        """
    )


def downgrade():
    pass
