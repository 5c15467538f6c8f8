"""players

Revision ID: a1
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    op.create_table("players", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(40)))
