"""email, then a unique index

Revision ID: a2
Revises: a1
"""
import sqlalchemy as sa
from alembic import op

revision = "a2"
down_revision = "a1"


def upgrade():
    op.add_column("players", sa.Column("email", sa.String(120)))
    op.create_index("uq_players_email", "players", ["email"], unique=True)
