"""gold

Revision ID: c91054a7b1f6
Revises: 37454bd1c6de
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "c91054a7b1f6"
down_revision = "37454bd1c6de"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO currencies (code, name) VALUES ('XAU', 'Gold')")


def downgrade():
    pass
