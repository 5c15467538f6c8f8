"""drop email index

Revision ID: f7b4f8c319c2
Revises: 24a481d3556a
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "f7b4f8c319c2"
down_revision = "24a481d3556a"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index(op.f("ix_customers_email"), table_name="customers")


def downgrade():
    pass
