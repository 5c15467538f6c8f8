"""create_check_constraint: re-run fails with DuplicateObject (42710)

Revision ID: k03
Revises: k02
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k03"
down_revision = "k02"
branch_labels = None
depends_on = None


def upgrade():
    op.create_check_constraint("ck_players_age", "players", "age >= 0")


def downgrade():
    pass
