"""the archive first, then race_runs: nothing depends on it any more, and IF EXISTS lets both re-run

Revision ID: o32
Revises: o30
"""
from alembic import op

revision = "o32"
down_revision = "o30"
branch_labels = None
depends_on = None


# clean counterpart of: drop-table-with-dependents


def upgrade():
    op.execute("DROP TABLE IF EXISTS race_runs_archive")
    op.execute("DROP TABLE IF EXISTS race_runs")


def downgrade():
    pass
