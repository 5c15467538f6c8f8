"""archived status

Revision ID: 1df7c5cc6f3c
Revises: cdb0630a9f48
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "1df7c5cc6f3c"
down_revision = "cdb0630a9f48"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'archived'")


def downgrade():
    pass
