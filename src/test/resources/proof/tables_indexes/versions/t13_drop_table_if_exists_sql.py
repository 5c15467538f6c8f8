"""DROP TABLE IF EXISTS re-runs cleanly

Revision ID: t13
Revises: t12
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t13"
down_revision = "t12"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS scratch (id integer)")
    op.execute("DROP TABLE IF EXISTS scratch")


def downgrade():
    pass
