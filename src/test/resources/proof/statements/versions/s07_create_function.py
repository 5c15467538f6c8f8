"""CREATE FUNCTION: DuplicateFunction (42723) on re-run

Revision ID: s07
Revises: s06
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s07"
down_revision = "s06"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE FUNCTION game_total(a integer, b integer) RETURNS integer
        LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$
        """
    )


def downgrade():
    pass
