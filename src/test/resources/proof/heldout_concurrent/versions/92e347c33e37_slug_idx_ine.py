"""slug idx

Revision ID: 92e347c33e37
Revises: 90d0b0b20749
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "92e347c33e37"
down_revision = "90d0b0b20749"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ix_docs_slug ON docs (slug)")


def downgrade():
    pass
