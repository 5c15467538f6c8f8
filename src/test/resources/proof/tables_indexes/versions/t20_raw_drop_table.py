"""raw DROP TABLE without IF EXISTS: UndefinedTable (42P01) on re-run

Revision ID: t20
Revises: t19
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t20"
down_revision = "t19"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP TABLE campaigns")


def downgrade():
    pass
