"""INSERT ... ON CONFLICT DO NOTHING re-runs cleanly

Revision ID: i02
Revises: i01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i02"
down_revision = "i01"
branch_labels = None
depends_on = None


# clean counterpart of: insert-not-idempotent


def upgrade():
    op.execute("INSERT INTO plans (id, code, name) VALUES (2, 'pro', 'Pro') ON CONFLICT (id) DO NOTHING")


def downgrade():
    pass
