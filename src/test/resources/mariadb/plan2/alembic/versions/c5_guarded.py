"""a guarded column: re-runs

Revision ID: c5
Revises: c4
"""
import sqlalchemy as sa
from alembic import op

revision = "c5"
down_revision = "c4"


def upgrade():
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("users")}
    if "email" not in columns:
        op.add_column("users", sa.Column("email", sa.String(length=128), nullable=True))
