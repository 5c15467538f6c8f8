"""DROP SCHEMA without IF EXISTS: InvalidSchemaName (3F000) on re-run

Revision ID: s19
Revises: s18
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s19"
down_revision = "s18"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP SCHEMA archive")


def downgrade():
    pass
