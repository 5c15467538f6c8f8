"""add phone to customers

Revision ID: 12207dbe13b4
Revises: 30177b177b12
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "12207dbe13b4"
down_revision = "30177b177b12"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("customers", sa.Column("phone", sa.String(length=40), nullable=True))


def downgrade():
    pass
