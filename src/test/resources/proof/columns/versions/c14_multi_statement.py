"""multi-statement string: the second ADD COLUMN fails with 42701 on re-run

Revision ID: c14
Revises: c13
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c14"
down_revision = "c13"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        ALTER TABLE players ADD COLUMN IF NOT EXISTS weight_kg integer;
        UPDATE players SET weight_kg = 0 WHERE weight_kg IS NULL;
        ALTER TABLE players ADD COLUMN wingspan_cm integer;
        """
    )


def downgrade():
    pass
