"""CREATE TYPE in a DO block catching duplicate_object re-runs cleanly

Revision ID: e02
Revises: e01
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e02"
down_revision = "e01"
branch_labels = None
depends_on = None


# clean counterpart of: create-type-unguarded


def upgrade():
    op.execute(
        """
        DO $$ BEGIN
            CREATE TYPE position AS ENUM ('guard', 'forward', 'center');
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        """
    )


def downgrade():
    pass
