"""a club code, unique: fails half way on clubs that share one

Revision ID: c6
Revises: c5
"""
import sqlalchemy as sa
from alembic import op

revision = "c6"
down_revision = "c5"


def upgrade():
    if op.get_bind().engine.name == "mysql":
        op.execute("ALTER TABLE `clubs` ADD COLUMN `code` VARCHAR(20) NOT NULL DEFAULT ''")
        op.execute("ALTER TABLE `clubs` ADD UNIQUE INDEX `uq_clubs_code` (`code`)")
    else:
        op.add_column("clubs", sa.Column("code", sa.String(20), nullable=False, server_default=""))
        op.create_index("uq_clubs_code", "clubs", ["code"], unique=True)
