"""teams and users

Revision ID: c1
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "c1"
down_revision = None


def upgrade():
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=128), nullable=True),
        sa.Column("bracket", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
