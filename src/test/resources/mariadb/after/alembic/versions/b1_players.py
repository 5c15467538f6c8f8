"""players

Revision ID: b1
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "b1"
down_revision = None


def upgrade():
    op.create_table("players", sa.Column("id", sa.Integer, primary_key=True), sa.Column("name", sa.String(40)))
