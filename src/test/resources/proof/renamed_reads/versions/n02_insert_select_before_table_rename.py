"""INSERT ... SELECT from a table that a later rename_table renames: the re-run fails at the read with UndefinedTable (42P01)

Revision ID: n02
Revises: n01
"""
from alembic import op
import sqlalchemy as sa

revision = "n02"
down_revision = "n01"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO archive (id, score) SELECT id, score FROM results")
    op.rename_table("results", "match_results")


def downgrade():
    op.rename_table("match_results", "results")
