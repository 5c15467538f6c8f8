"""drop_index of the index behind a unique key: 2BP01 on the first run

Revision ID: o21
Revises: o20
"""
from alembic import op

revision = "o21"
down_revision = "o20"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index("uq_teams_name", table_name="teams")


def downgrade():
    pass
