"""op.create_index: re-run fails with DuplicateTable (42P07)

Revision ID: t04
Revises: t03
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t04"
down_revision = "t03"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_teams_name", "teams", ["name"])


def downgrade():
    pass
