"""add team model

Revision ID: 008
Revises: e09c9e678004
Create Date: 2026-03-08 09:30:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "008"
down_revision = "e09c9e678004"
branch_labels = None
depends_on = None


def upgrade():
    # create_type defaults to True: SQLAlchemy emits CREATE TYPE division again.
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("division", sa.Enum("boys", "girls", name="division"), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=True, index=True),
    )
    op.add_column("players", sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), nullable=True))


def downgrade():
    op.drop_column("players", "team_id")
    op.drop_table("teams")
