"""a plain add_column: re-run fails with DuplicateColumn (42701)

Revision ID: s03
Revises: s02
"""
from alembic import op
import sqlalchemy as sa

revision = "s03"
down_revision = "s02"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("accounts", sa.Column("note", sa.Text()))


def downgrade():
    pass
