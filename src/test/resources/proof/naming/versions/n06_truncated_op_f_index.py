"""create_index(op.f(...)) with a name over 63 characters: truncated the same way

Revision ID: n06
Revises: n05
"""
from alembic import op
import sqlalchemy as sa

revision = "n06"
down_revision = "n05"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        op.f("ix_a_rather_long_table_name_that_keeps_going_and_going_on_another_quite_long_column_name_x"),
        "a_rather_long_table_name_that_keeps_going_and_going_on",
        ["another_quite_long_column_name_x"],
    )


def downgrade():
    pass
