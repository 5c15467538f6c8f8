"""remove the void order state: the DELETE compares the column as text, which the re-run can still do

Revision ID: l02
Revises: l01
"""
from alembic import op

revision = "l02"
down_revision = "l01"
branch_labels = None
depends_on = None

# clean counterpart of: filter-on-removed-enum-label


def upgrade():
    op.execute("CREATE TYPE order_state_new AS ENUM ('new', 'paid')")
    op.execute("DELETE FROM orders WHERE state::text = 'void'")
    op.execute("ALTER TABLE orders ALTER COLUMN state TYPE order_state_new USING state::text::order_state_new")
    op.execute("DROP TYPE order_state")
    op.execute("ALTER TYPE order_state_new RENAME TO order_state")


def downgrade():
    pass
