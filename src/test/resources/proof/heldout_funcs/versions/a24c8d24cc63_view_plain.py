"""cheap view

Revision ID: a24c8d24cc63
Revises: f4146a82ce82
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "a24c8d24cc63"
down_revision = "f4146a82ce82"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE VIEW cheap_items AS SELECT id, price FROM items WHERE price < 10")


def downgrade():
    pass
