"""teams

Revision ID: a3
Revises: a2
"""
import sqlalchemy as sa
from alembic import op

revision = "a3"
down_revision = "a2"


def upgrade():
    op.create_table("teams", sa.Column("id", sa.Integer, primary_key=True))
    op.add_column("players", sa.Column("team_id", sa.Integer))
