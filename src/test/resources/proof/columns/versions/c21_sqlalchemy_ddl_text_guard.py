"""add_column guarded by an inspector created on the bind re-runs cleanly

Revision ID: c21
Revises: c20
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c21"
down_revision = "c20"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    columns = [c["name"] for c in sa.inspect(bind).get_columns("players")]
    if "twitter" not in columns:
        op.execute("ALTER TABLE players ADD COLUMN twitter text")


def downgrade():
    pass
