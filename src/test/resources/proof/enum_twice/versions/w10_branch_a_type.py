"""branch a creates type venue_kind in a raw CREATE TYPE

Revision ID: w10
Revises: w00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "w10"
down_revision = "w00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE venue_kind AS ENUM ('indoor', 'outdoor')")


def downgrade():
    pass
