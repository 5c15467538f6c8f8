"""base: tables and a reporting role, each guarded

Revision ID: s00
Revises: 
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS games (id integer PRIMARY KEY, home integer, away integer, score integer)")
    op.execute(
        """
        DO $$ BEGIN
            CREATE ROLE idemlint_proof_reader NOLOGIN;
        EXCEPTION WHEN duplicate_object THEN null;
        END $$;
        """
    )


def downgrade():
    pass
