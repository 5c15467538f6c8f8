"""create_unique_constraint: re-run fails with DuplicateTable (42P07)

Revision ID: k02
Revises: k01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k02"
down_revision = "k01"
branch_labels = None
depends_on = None


def upgrade():
    op.create_unique_constraint("uq_teams_code", "teams", ["code"])


def downgrade():
    pass
