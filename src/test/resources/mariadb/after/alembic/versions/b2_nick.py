"""a column placed after another

Revision ID: b2
Revises: b1
"""
from alembic import op

revision = "b2"
down_revision = "b1"


def upgrade():
    op.execute("ALTER TABLE players ADD COLUMN nick varchar(40) AFTER name")
