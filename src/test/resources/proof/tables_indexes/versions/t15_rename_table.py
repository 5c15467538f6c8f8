"""op.rename_table: re-run fails with UndefinedTable (42P01)

Revision ID: t15
Revises: t14
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t15"
down_revision = "t14"
branch_labels = None
depends_on = None


def upgrade():
    op.rename_table("seasons", "campaigns")


def downgrade():
    pass
