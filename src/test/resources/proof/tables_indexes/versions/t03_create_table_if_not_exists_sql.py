"""CREATE TABLE IF NOT EXISTS re-runs cleanly

Revision ID: t03
Revises: t02
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t03"
down_revision = "t02"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS referees (id integer PRIMARY KEY, name text)")


def downgrade():
    pass
