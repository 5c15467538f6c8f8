"""create_foreign_key(None) whose convention name is over 63 characters: SQLAlchemy cuts it to 55 and adds 4 hex digits of its md5

Revision ID: n05
Revises: n04
"""
from alembic import op
import sqlalchemy as sa

revision = "n05"
down_revision = "n04"
branch_labels = None
depends_on = None


def upgrade():
    op.create_foreign_key(
        None,
        "a_rather_long_table_name_that_keeps_going_and_going_on",
        "a_rather_long_table_name_that_keeps_going_and_going_on_ref",
        ["another_quite_long_column_name_x"],
        ["id"],
    )


def downgrade():
    pass
