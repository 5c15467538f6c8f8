"""op.drop_table: re-run fails with UndefinedTable (42P01)

Revision ID: t14
Revises: t13
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t14"
down_revision = "t13"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("referees")


def downgrade():
    pass
