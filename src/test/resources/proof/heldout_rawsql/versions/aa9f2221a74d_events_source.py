"""events source

Revision ID: aa9f2221a74d
Revises: 4bb1efcf7445
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "aa9f2221a74d"
down_revision = "4bb1efcf7445"
branch_labels = None
depends_on = None


TABLE = "events"


def upgrade():
    op.execute(f"ALTER TABLE {TABLE} ADD COLUMN source text")


def downgrade():
    pass
