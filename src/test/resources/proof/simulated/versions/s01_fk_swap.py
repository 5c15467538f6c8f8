"""drop the foreign key and create it unnamed: PostgreSQL names it players_team_id_fkey again, so a re-run drops and creates it cleanly

Revision ID: s01
Revises: s00
"""
from alembic import op
import sqlalchemy as sa

revision = "s01"
down_revision = "s00"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("players_team_id_fkey", "players", type_="foreignkey")
    op.create_foreign_key(None, "players", "teams", ["team_id"], ["id"], ondelete="CASCADE")


def downgrade():
    pass
