"""create_foreign_key: re-run fails with DuplicateObject (42710)

Revision ID: k01
Revises: k00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k01"
down_revision = "k00"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key("fk_players_team", "players", "teams", ["team_id"], ["id"])


def downgrade():
    pass
