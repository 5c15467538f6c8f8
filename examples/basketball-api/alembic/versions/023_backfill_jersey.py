"""backfill jersey from orders

Revision ID: 023
Revises: 022
Create Date: 2026-03-27 10:00:00.000000

"""
from alembic import op

revision = "023"
down_revision = "022"
branch_labels = None
depends_on = None


def upgrade():
    # A plain UPDATE backfill re-runs cleanly.
    op.execute("UPDATE players SET jersey = 0 WHERE jersey IS NULL")


def downgrade():
    pass
