"""a check constraint dropped, its table renamed away and a view made under the old name

The re-run's drop meets the view: 42809, which DROP CONSTRAINT IF EXISTS does not skip.

Revision ID: v05
Revises: v04
"""
from alembic import op

revision = "v05"
down_revision = "v04"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("ck_configs_a", "configs")
    op.rename_table("configs", "settings")
    op.execute("CREATE VIEW configs AS (SELECT * FROM settings)")


def downgrade():
    pass
