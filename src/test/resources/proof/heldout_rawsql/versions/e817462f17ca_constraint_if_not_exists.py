"""kind not empty

Revision ID: e817462f17ca
Revises: b9081a1448a1
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "e817462f17ca"
down_revision = "b9081a1448a1"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "ALTER TABLE events ADD CONSTRAINT IF NOT EXISTS events_kind_not_empty CHECK (kind <> '')"
    )


def downgrade():
    pass
