"""CREATE SEQUENCE: 42P07 on re-run

Revision ID: s01
Revises: s00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s01"
down_revision = "s00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE SEQUENCE ticket_seq")


def downgrade():
    pass
