"""a hidden flag, written per dialect

Revision ID: c2
Revises: c1
"""
import sqlalchemy as sa
from alembic import op

revision = "c2"
down_revision = "c1"


def upgrade():
    bind = op.get_bind()
    if bind.engine.name == "mysql":
        op.execute("ALTER TABLE `users` ADD COLUMN `hidden` TINYINT(1) NULL")
    else:
        op.add_column("users", sa.Column("hidden", sa.Boolean(), nullable=True))
    op.create_index("ix_users_hidden", "users", ["hidden"])
