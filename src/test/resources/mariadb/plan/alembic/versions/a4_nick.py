"""a nickname, then the teams table again

Revision ID: a4
Revises: a3
"""
import sqlalchemy as sa
from alembic import op

revision = "a4"
down_revision = "a3"


def upgrade():
    op.add_column("players", sa.Column("nick", sa.String(20)))
    op.create_table("teams", sa.Column("id", sa.Integer, primary_key=True))
