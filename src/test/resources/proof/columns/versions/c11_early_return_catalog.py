"""catalog query + early return guard re-runs cleanly

Revision ID: c11
Revises: c10
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c11"
down_revision = "c10"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    exists = conn.execute(
        sa.text(
            "SELECT 1 FROM information_schema.columns"
            " WHERE table_name = 'players' AND column_name = 'school'"
        )
    ).scalar()
    if exists:
        return
    op.add_column("players", sa.Column("school", sa.String(128)))


def downgrade():
    pass
