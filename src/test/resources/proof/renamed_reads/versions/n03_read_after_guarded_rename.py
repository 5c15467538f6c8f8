"""The rename under a guard, the read under the new name after it: re-runs cleanly

Revision ID: n03
Revises: n02
"""
from alembic import op
import sqlalchemy as sa

revision = "n03"
down_revision = "n02"
branch_labels = None
depends_on = None


# clean counterpart of: read-before-rename


def upgrade():
    if "jersey" in [c["name"] for c in sa.inspect(op.get_bind()).get_columns("players")]:
        op.alter_column("players", "jersey", new_column_name="shirt_number")
    op.execute("UPDATE players SET display_name = 'no. ' || players.shirt_number WHERE players.shirt_number IS NOT NULL")


def downgrade():
    op.alter_column("players", "shirt_number", new_column_name="jersey")
