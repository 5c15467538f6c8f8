"""delete obsolete

Revision ID: 37454bd1c6de
Revises: 3d3ecd275701
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "37454bd1c6de"
down_revision = "3d3ecd275701"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM currencies WHERE code IN ('DEM', 'FRF', 'ITL')")


def downgrade():
    pass
