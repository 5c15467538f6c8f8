"""op.add_column: re-run fails with DuplicateColumn (42701)

Revision ID: c01
Revises: c00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c01"
down_revision = "c00"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("players", sa.Column("nickname", sa.Text()))


def downgrade():
    pass
