"""UPDATE backfill and DELETE re-run cleanly

Revision ID: i07
Revises: i06
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i07"
down_revision = "i06"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE plans SET name = upper(name) WHERE name <> upper(name)")
    op.execute("DELETE FROM audit_log WHERE message IS NULL")


def downgrade():
    pass
