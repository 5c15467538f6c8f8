"""alter_column nullable/type, UPDATE backfill and COMMENT re-run cleanly

Revision ID: c15
Revises: c14
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c15"
down_revision = "c14"
branch_labels = None
depends_on = None


# clean counterpart of: rename-not-idempotent


def upgrade():
    op.execute("UPDATE players SET rating = 0 WHERE rating IS NULL")
    op.alter_column("players", "rating", existing_type=sa.Integer(), nullable=False)
    op.alter_column("players", "name", type_=sa.String(200), existing_type=sa.Text())
    op.execute("COMMENT ON COLUMN players.rating IS 'Elo, 0 when unknown'")


def downgrade():
    pass
