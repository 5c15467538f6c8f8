"""alter_column(new_column_name=...): re-run fails with UndefinedColumn (42703)

Revision ID: t16
Revises: t15
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t16"
down_revision = "t15"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("teams", "city", new_column_name="home_city")


def downgrade():
    pass
