"""A column, its backfill, then a unique index over rows that collide

Revision ID: f1a0b0000001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "f1a0b0000001"
down_revision = None


def upgrade():
    op.add_column("players", sa.Column("email", sa.String(120)))
    op.execute("UPDATE players SET email = 'same@example.org'")
    op.create_index("uq_players_email", "players", ["email"], unique=True)


def downgrade():
    pass
