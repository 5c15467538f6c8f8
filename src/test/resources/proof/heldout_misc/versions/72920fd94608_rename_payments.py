"""rename payments

Revision ID: 72920fd94608
Revises: 2d077569caeb
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "72920fd94608"
down_revision = "2d077569caeb"
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("payments", "payment")


def downgrade():
    pass
