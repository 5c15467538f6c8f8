"""base: players and teams, guarded so the base itself re-runs

Revision ID: c00
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS teams (id integer PRIMARY KEY, name text NOT NULL)")
    op.execute(
        "CREATE TABLE IF NOT EXISTS players ("
        " id integer PRIMARY KEY,"
        " team_id integer,"
        " name text,"
        " rating integer,"
        " legacy_code text)"
    )


def downgrade():
    op.execute("DROP TABLE IF EXISTS players")
    op.execute("DROP TABLE IF EXISTS teams")
