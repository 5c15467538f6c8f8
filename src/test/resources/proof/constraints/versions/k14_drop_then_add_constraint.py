"""DROP CONSTRAINT IF EXISTS then ADD CONSTRAINT re-runs cleanly

Revision ID: k14
Revises: k11
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k14"
down_revision = "k11"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE players DROP CONSTRAINT IF EXISTS ck_players_team")
    op.execute("ALTER TABLE players ADD CONSTRAINT ck_players_team CHECK (team_id > 0)")


def downgrade():
    pass
