"""race_runs with a serial id, and an archive copy of it made LIKE it with its defaults

Revision ID: o30
Revises: o00
"""
from alembic import op
import sqlalchemy as sa

revision = "o30"
down_revision = "o00"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "race_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.Text()),
    )
    op.execute("CREATE TABLE race_runs_archive (LIKE race_runs INCLUDING DEFAULTS)")


def downgrade():
    pass
