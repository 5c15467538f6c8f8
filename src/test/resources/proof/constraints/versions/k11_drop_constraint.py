"""op.drop_constraint: re-run fails with UndefinedObject (42704)

Revision ID: k11
Revises: k10
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k11"
down_revision = "k10"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("ck_players_age", "players", type_="check")


def downgrade():
    pass
