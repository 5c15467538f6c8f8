"""source -> origin

Revision ID: 6ba563c22311
Revises: 873054bca5fc
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "6ba563c22311"
down_revision = "873054bca5fc"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE events RENAME COLUMN source TO origin")


def downgrade():
    pass
