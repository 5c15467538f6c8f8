"""raw CREATE TYPE: re-run fails with DuplicateObject (42710)

Revision ID: e01
Revises: e00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e01"
down_revision = "e00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE status AS ENUM ('active', 'retired')")


def downgrade():
    pass
