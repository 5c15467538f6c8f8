"""create_foreign_key guarded by a pg_constraint query re-runs cleanly

Revision ID: k10
Revises: k09
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k10"
down_revision = "k09"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    found = conn.execute(
        sa.text("SELECT 1 FROM pg_constraint WHERE conname = 'fk_notes_team'")
    ).scalar()
    if not found:
        op.create_foreign_key("fk_notes_team", "notes", "teams", ["id"], ["id"])


def downgrade():
    pass
