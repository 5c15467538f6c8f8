"""remove the stale ticket state: the DELETE compares the column with a label the swap removes

Revision ID: l01
Revises: l00
"""
from alembic import op

revision = "l01"
down_revision = "l00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE ticket_state_new AS ENUM ('open', 'closed')")
    op.execute("DELETE FROM tickets WHERE state = 'stale'")
    op.execute("ALTER TABLE tickets ALTER COLUMN state TYPE ticket_state_new USING state::text::ticket_state_new")
    op.execute("DROP TYPE ticket_state")
    op.execute("ALTER TYPE ticket_state_new RENAME TO ticket_state")


def downgrade():
    pass
