"""a unique constraint replaced by a partial unique index of the same name

The re-run finds no constraint uq_player_alias but the plain index the first run made under that name: the
guarded drop skips, and CREATE INDEX fails with 42P07 unless it is guarded too.

Revision ID: v01
Revises: v00
"""
from alembic import op
import sqlalchemy as sa

revision = "v01"
down_revision = "v00"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("uq_player_alias", "players", type_="unique")
    op.create_index(
        "uq_player_alias",
        "players",
        ["team_id", "alias"],
        unique=True,
        postgresql_where=sa.text("alias != ''"),
    )


def downgrade():
    pass
