"""the column b2 placed its column after, dropped

Revision ID: b3
Revises: b2
"""
from alembic import op

revision = "b3"
down_revision = "b2"


def upgrade():
    op.drop_column("players", "name")
