"""DROP TABLE race_runs while the archive's id default takes values from race_runs_id_seq: 2BP01 on the first run

Revision ID: o31
Revises: o30
"""
from alembic import op

revision = "o31"
down_revision = "o30"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("race_runs")


def downgrade():
    pass
