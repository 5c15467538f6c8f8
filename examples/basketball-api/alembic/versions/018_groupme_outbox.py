"""groupme + outbox

Revision ID: 018
Revises: 008
Create Date: 2026-03-20 14:02:11.000000

"""
from alembic import op

revision = "018"
down_revision = "008"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TABLE IF NOT EXISTS outbox (
            id serial PRIMARY KEY,
            payload jsonb NOT NULL,
            sent_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_sent_at ON outbox (sent_at);
        ALTER TABLE players ADD COLUMN IF NOT EXISTS groupme_id text;
        """
    )


def downgrade():
    op.execute("DROP TABLE IF EXISTS outbox")
    op.execute("ALTER TABLE players DROP COLUMN IF EXISTS groupme_id")
