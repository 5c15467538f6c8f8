"""initial players table

Revision ID: 001
Revises:
Create Date: 2026-01-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "players",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("jersey", sa.Integer(), nullable=True),
    )


def downgrade():
    op.drop_table("players")
