"""batch_op.add_column: re-run fails with DuplicateColumn (42701)

Revision ID: c02
Revises: c01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c02"
down_revision = "c01"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("players") as batch_op:
        batch_op.add_column(sa.Column("jersey", sa.Integer()))


def downgrade():
    pass
