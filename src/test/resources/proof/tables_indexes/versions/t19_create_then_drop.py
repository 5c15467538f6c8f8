"""a table created (IF NOT EXISTS) and dropped in one revision re-runs cleanly

Revision ID: t19
Revises: t18
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t19"
down_revision = "t18"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS tmp_import (id integer)")
    op.execute("DROP TABLE tmp_import")


def downgrade():
    pass
