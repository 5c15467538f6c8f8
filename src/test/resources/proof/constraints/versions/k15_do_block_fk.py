"""DO block catching duplicate_object around ADD FOREIGN KEY re-runs cleanly

Revision ID: k15
Revises: k14
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k15"
down_revision = "k14"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$ BEGIN
            ALTER TABLE notes ADD CONSTRAINT fk_notes_player FOREIGN KEY (id) REFERENCES players (id);
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        """
    )


def downgrade():
    pass
