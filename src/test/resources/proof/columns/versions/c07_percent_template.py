"""% template ADD COLUMN: 42701 on re-run

Revision ID: c07
Revises: c06
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c07"
down_revision = "c06"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE %s ADD COLUMN %s boolean" % ("teams", "is_active"))


def downgrade():
    pass
