"""postgresql.ENUM(...).create(bind): 42710 on re-run

Revision ID: e03
Revises: e02
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e03"
down_revision = "e02"
branch_labels = None
depends_on = None


def upgrade():
    postgresql.ENUM("rookie", "veteran", name="level").create(op.get_bind())


def downgrade():
    pass
