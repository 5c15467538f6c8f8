"""payload

Revision ID: cf149078e82f
Revises: aa9f2221a74d
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "cf149078e82f"
down_revision = "aa9f2221a74d"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS payload jsonb")
    op.execute("ALTER TABLE events ALTER COLUMN payload SET DEFAULT '{}'::jsonb")


def downgrade():
    pass
