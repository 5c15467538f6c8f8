"""pending status

Revision ID: cdb0630a9f48
Revises: 215e804be5f8
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "cdb0630a9f48"
down_revision = "215e804be5f8"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE ticket_status ADD VALUE 'pending'")


def downgrade():
    pass
