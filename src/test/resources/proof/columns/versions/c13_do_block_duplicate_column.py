"""DO block catching duplicate_column re-runs cleanly

Revision ID: c13
Revises: c12
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c13"
down_revision = "c12"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$ BEGIN
            ALTER TABLE players ADD COLUMN height_cm integer;
        EXCEPTION WHEN duplicate_column THEN null;
        END $$;
        """
    )


def downgrade():
    pass
