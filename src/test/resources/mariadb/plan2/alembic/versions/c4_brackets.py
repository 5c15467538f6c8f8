"""brackets, a user's bracket by foreign key

Revision ID: c4
Revises: c3
"""
import sqlalchemy as sa
from alembic import op

revision = "c4"
down_revision = "c3"


def upgrade():
    op.create_table(
        "brackets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.add_column("users", sa.Column("bracket_id", sa.Integer(), nullable=True))
    op.create_foreign_key(None, "users", "brackets", ["bracket_id"], ["id"], ondelete="SET NULL")
    op.drop_column("users", "bracket")
