"""DROP INDEX IF EXISTS of a plain index runs and re-runs

Revision ID: o22
Revises: o20
"""
from alembic import op

revision = "o22"
down_revision = "o20"
branch_labels = None
depends_on = None


# clean counterpart of: drop-index-of-constraint


def upgrade():
    op.execute("DROP INDEX IF EXISTS ix_teams_city")


def downgrade():
    pass
