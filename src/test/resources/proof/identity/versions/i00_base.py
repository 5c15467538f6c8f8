"""base: serial and identity keys, guarded so the base itself re-runs

Revision ID: i00
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "i00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS prefs (id serial PRIMARY KEY, name text)")
    op.execute("CREATE TABLE IF NOT EXISTS settings (id serial PRIMARY KEY, name text)")
    op.execute("CREATE TABLE IF NOT EXISTS tokens (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY)")
    op.execute("CREATE TABLE IF NOT EXISTS keys (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY)")


def downgrade():
    pass
