"""rename order_items

Revision ID: ef15ad7d3e05
Revises: d81347c250f2
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "ef15ad7d3e05"
down_revision = "d81347c250f2"
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("order_items", "line_items")


def downgrade():
    pass
