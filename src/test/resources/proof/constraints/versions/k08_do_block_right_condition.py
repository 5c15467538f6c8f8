"""DO block catching duplicate_table around ADD UNIQUE re-runs cleanly

Revision ID: k08
Revises: k07
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k08"
down_revision = "k07"
branch_labels = None
depends_on = None


# clean counterpart of: do-block-wrong-exception
# clean counterpart of: add-constraint-not-idempotent


def upgrade():
    op.execute(
        """
        DO $$ BEGIN
            ALTER TABLE teams ADD CONSTRAINT uq_teams_name UNIQUE (name);
        EXCEPTION WHEN duplicate_table THEN null;
        END $$;
        """
    )


def downgrade():
    pass
