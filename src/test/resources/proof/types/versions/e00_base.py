"""base: tables, and enum mood made in a DO block

Revision ID: e00
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS players (id integer PRIMARY KEY, name text)")
    op.execute(
        """
        DO $$ BEGIN
            CREATE TYPE mood AS ENUM ('calm', 'tense');
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        """
    )


def downgrade():
    pass
