"""CREATE SCHEMA: DuplicateSchema (42P06) on re-run

Revision ID: s03
Revises: s02
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s03"
down_revision = "s02"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SCHEMA reporting")


def downgrade():
    pass
