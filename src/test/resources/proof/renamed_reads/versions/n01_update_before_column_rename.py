"""UPDATE reading a column that a later alter_column renames: the re-run fails at the read with UndefinedColumn (42703)

Revision ID: n01
Revises: n00
"""
from alembic import op
import sqlalchemy as sa

revision = "n01"
down_revision = "n00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE players SET display_name = players.nick WHERE display_name IS NULL")
    op.alter_column("players", "nick", new_column_name="nickname")


def downgrade():
    op.alter_column("players", "nickname", new_column_name="nick")
