"""base: players, results and archive, guarded so the base itself re-runs

Revision ID: n00
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "n00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS players (id integer PRIMARY KEY, nick text, jersey integer, display_name text)")
    op.execute("CREATE TABLE IF NOT EXISTS results (id integer PRIMARY KEY, score integer)")
    op.execute("CREATE TABLE IF NOT EXISTS archive (id integer, score integer)")


def downgrade():
    op.execute("DROP TABLE IF EXISTS archive")
    op.execute("DROP TABLE IF EXISTS results")
    op.execute("DROP TABLE IF EXISTS players")
