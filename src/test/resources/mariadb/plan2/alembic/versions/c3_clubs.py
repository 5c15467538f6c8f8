"""teams become clubs: a column renamed, then the table

Revision ID: c3
Revises: c2
"""
import sqlalchemy as sa
from alembic import op

revision = "c3"
down_revision = "c2"


def upgrade():
    op.alter_column("teams", "name", new_column_name="title", existing_type=sa.String(length=128))
    op.rename_table("teams", "clubs")
