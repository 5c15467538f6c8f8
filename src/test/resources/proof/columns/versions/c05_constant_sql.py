"""SQL from a module constant: 42701 on re-run

Revision ID: c05
Revises: c04
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c05"
down_revision = "c04"
branch_labels = None
depends_on = None


ADD_PHONE = "ALTER TABLE players ADD COLUMN phone varchar(32)"


def upgrade():
    op.execute(ADD_PHONE)


def downgrade():
    pass
