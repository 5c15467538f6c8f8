"""rename an enum label: InvalidParameterValue (22023) on the re-run

Revision ID: e14
Revises: e00
"""
from alembic import op

revision = "e14"
down_revision = "e00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE mood RENAME VALUE 'calm' TO 'relaxed'")


def downgrade():
    pass
