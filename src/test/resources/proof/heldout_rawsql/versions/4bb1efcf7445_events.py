"""events

Revision ID: 4bb1efcf7445
Revises: 
Create Date: 2023-01-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "4bb1efcf7445"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TABLE IF NOT EXISTS events (
            id bigserial PRIMARY KEY,
            kind text NOT NULL,
            ts timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS ix_events_ts ON events (ts);
        """
    )


def downgrade():
    pass
