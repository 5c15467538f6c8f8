"""base: a table of text columns, made so the base itself re-runs

Revision ID: v00
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "v00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS awards (id serial PRIMARY KEY, keywords text, starts text)")


def downgrade():
    pass
