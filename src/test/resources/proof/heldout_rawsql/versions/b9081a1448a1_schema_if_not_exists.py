"""archive schema

Revision ID: b9081a1448a1
Revises: 27127a99debd
Create Date: 2023-05-13 10:13:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "b9081a1448a1"
down_revision = "27127a99debd"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SCHEMA IF NOT EXISTS archive")
    op.execute("CREATE TABLE IF NOT EXISTS archive.events (LIKE events INCLUDING ALL)")


def downgrade():
    pass
