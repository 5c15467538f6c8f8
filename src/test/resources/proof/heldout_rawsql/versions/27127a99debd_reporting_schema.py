"""schema

Revision ID: 27127a99debd
Revises: 40c0bdbef2cb
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "27127a99debd"
down_revision = "40c0bdbef2cb"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SCHEMA reporting")
    op.execute("CREATE TABLE IF NOT EXISTS reporting.daily (day date PRIMARY KEY, n bigint)")


def downgrade():
    pass
