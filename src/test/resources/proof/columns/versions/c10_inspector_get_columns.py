"""add_column guarded by get_columns re-runs cleanly

Revision ID: c10
Revises: c09
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c10"
down_revision = "c09"
branch_labels = None
depends_on = None


# clean counterpart of: add-column-not-idempotent


def upgrade():
    insp = sa.inspect(op.get_bind())
    if "motto" not in {c["name"] for c in insp.get_columns("teams")}:
        op.add_column("teams", sa.Column("motto", sa.Text()))


def downgrade():
    pass
