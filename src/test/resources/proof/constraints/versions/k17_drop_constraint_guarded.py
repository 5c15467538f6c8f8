"""drop_constraint guarded by get_check_constraints re-runs cleanly

Revision ID: k17
Revises: k16
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k17"
down_revision = "k16"
branch_labels = None
depends_on = None


# clean counterpart of: unsupported-alembic-kwarg


def upgrade():
    insp = sa.inspect(op.get_bind())
    if "ck_players_team" in {c["name"] for c in insp.get_check_constraints("players")}:
        op.drop_constraint("ck_players_team", "players", type_="check")


def downgrade():
    pass
