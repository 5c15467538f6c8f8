"""player_teams junction table

Revision ID: 019
Revises: 018
Create Date: 2026-03-24 08:45:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "019"
down_revision = "018"
branch_labels = None
depends_on = None


def upgrade():
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("player_teams"):
        op.create_table(
            "player_teams",
            sa.Column("player_id", sa.Integer(), sa.ForeignKey("players.id"), primary_key=True),
            sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id"), primary_key=True),
        )


def downgrade():
    op.drop_table("player_teams")
