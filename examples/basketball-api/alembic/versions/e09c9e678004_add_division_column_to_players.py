"""add division column to players

Revision ID: e09c9e678004
Revises: 001
Create Date: 2026-02-02 18:12:44.120391

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e09c9e678004"
down_revision = "001"
branch_labels = None
depends_on = None

division = postgresql.ENUM("boys", "girls", name="division")


def upgrade():
    division.create(op.get_bind(), checkfirst=True)
    op.add_column("players", sa.Column("division", division, nullable=True))


def downgrade():
    op.drop_column("players", "division")
    division.drop(op.get_bind(), checkfirst=True)
