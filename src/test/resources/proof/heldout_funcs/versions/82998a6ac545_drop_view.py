"""drop view

Revision ID: 82998a6ac545
Revises: a00fcf5a5607
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "82998a6ac545"
down_revision = "a00fcf5a5607"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP VIEW cheap_items")


def downgrade():
    pass
