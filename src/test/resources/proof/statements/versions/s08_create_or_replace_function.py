"""CREATE OR REPLACE FUNCTION re-runs cleanly

Revision ID: s08
Revises: s07
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s08"
down_revision = "s07"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE OR REPLACE FUNCTION touch_game() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN NEW.score := coalesce(NEW.score, 0); RETURN NEW; END $$
        """
    )


def downgrade():
    pass
