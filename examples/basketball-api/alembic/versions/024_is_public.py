"""is_public column on players (idempotent)

Revision ID: 024
Revises: 023
Create Date: 2026-03-28 12:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "024"
down_revision = "023"
branch_labels = None
depends_on = None


def _has_column(table, column):
    inspector = sa.inspect(op.get_bind())
    return column in {c["name"] for c in inspector.get_columns(table)}


def upgrade():
    if not _has_column("players", "is_public"):
        op.add_column("players", sa.Column("is_public", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    op.drop_column("players", "is_public")
