"""op.drop_column: re-run fails with UndefinedColumn (42703)

Revision ID: c17
Revises: c15
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c17"
down_revision = "c15"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_column("players", "legacy_code")


def downgrade():
    op.add_column("players", sa.Column("legacy_code", sa.Text()))
