"""base: tables made with CREATE TABLE IF NOT EXISTS

Revision ID: k00
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TABLE IF NOT EXISTS teams (id integer PRIMARY KEY, name text, code text, short text);
        CREATE TABLE IF NOT EXISTS players (id integer PRIMARY KEY, team_id integer, age integer, email text);
        CREATE TABLE IF NOT EXISTS notes (id integer NOT NULL, body text);
        """
    )


def downgrade():
    pass
