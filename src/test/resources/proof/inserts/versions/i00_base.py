"""base: keyed plans and an unkeyed audit log

Revision ID: i00
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TABLE IF NOT EXISTS plans (id integer PRIMARY KEY, code text UNIQUE, name text);
        CREATE TABLE IF NOT EXISTS audit_log (happened_at timestamptz DEFAULT now(), message text);
        """
    )


def downgrade():
    pass
