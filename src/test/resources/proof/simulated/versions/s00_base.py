"""base tables; the inline foreign key gets PostgreSQL's name players_team_id_fkey

Revision ID: s00
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "s00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("teams", sa.Column("id", sa.Integer(), primary_key=True))
    op.create_table(
        "players",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("team_id", sa.Integer(), sa.ForeignKey("teams.id")),
    )
    op.create_table("accounts", sa.Column("id", sa.Integer(), primary_key=True), sa.Column("legacy_id", sa.Integer()))


def downgrade():
    pass
