"""INSERT ... ON CONFLICT DO UPDATE re-runs cleanly

Revision ID: i08
Revises: i07
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i08"
down_revision = "i07"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "INSERT INTO plans (id, code, name) VALUES (9, 'vip', 'VIP')"
        " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name"
    )


def downgrade():
    pass
