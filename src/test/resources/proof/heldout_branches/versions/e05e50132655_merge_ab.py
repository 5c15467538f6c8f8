"""merge a and b

Revision ID: e05e50132655
Revises: a1a1cc05344c, bc90581de7bd
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "e05e50132655"
down_revision = ("a1a1cc05344c", "bc90581de7bd")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
