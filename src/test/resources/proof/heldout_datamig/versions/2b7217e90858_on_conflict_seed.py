"""more currencies

Revision ID: 2b7217e90858
Revises: d307b189886c
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "2b7217e90858"
down_revision = "d307b189886c"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        INSERT INTO currencies (code, name) VALUES
            ('GBP', 'Pound Sterling'),
            ('JPY', 'Yen')
        ON CONFLICT (code) DO NOTHING
        """
    )


def downgrade():
    pass
