"""helper with an inspector guard and early return re-runs cleanly

Revision ID: c12
Revises: c11
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c12"
down_revision = "c11"
branch_labels = None
depends_on = None


def add_flag_once(table, name):
    insp = sa.inspect(op.get_bind())
    if name in [c["name"] for c in insp.get_columns(table)]:
        return
    op.add_column(table, sa.Column(name, sa.Boolean(), server_default=sa.false()))


def upgrade():
    add_flag_once("players", "is_captain")


def downgrade():
    pass
