"""raw RENAME COLUMN: re-run fails with UndefinedColumn (42703)

Revision ID: t18
Revises: t17
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t18"
down_revision = "t17"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE teams RENAME COLUMN home_city TO hometown")


def downgrade():
    pass
