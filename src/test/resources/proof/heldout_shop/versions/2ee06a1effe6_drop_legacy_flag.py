"""drop legacy flag

Revision ID: 2ee06a1effe6
Revises: 148f290ecdc0
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "2ee06a1effe6"
down_revision = "148f290ecdc0"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("orders", "legacy_flag")


def downgrade():
    pass
