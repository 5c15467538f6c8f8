"""DO block catching duplicate_object around ADD UNIQUE: 42P07 on re-run

Revision ID: k09
Revises: k08
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k09"
down_revision = "k08"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$ BEGIN
            ALTER TABLE teams ADD CONSTRAINT uq_teams_short UNIQUE (short);
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        """
    )


def downgrade():
    pass
