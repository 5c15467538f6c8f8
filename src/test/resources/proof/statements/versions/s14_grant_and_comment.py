"""GRANT to an existing role and COMMENT re-run cleanly

Revision ID: s14
Revises: s13
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s14"
down_revision = "s13"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("GRANT SELECT ON games TO idemlint_proof_reader")
    op.execute("COMMENT ON TABLE games IS 'one row per game'")


def downgrade():
    pass
