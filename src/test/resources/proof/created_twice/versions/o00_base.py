"""base: one table

Revision ID: o00
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "o00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS players (id integer PRIMARY KEY, name text, team text)")


def downgrade():
    pass
