"""INSERT into a table without keys re-runs cleanly

Revision ID: i04
Revises: i03
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i04"
down_revision = "i03"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO audit_log (message) VALUES ('plans seeded')")


def downgrade():
    pass
