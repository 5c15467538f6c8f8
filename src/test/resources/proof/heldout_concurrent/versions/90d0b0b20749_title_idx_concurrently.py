"""title idx

Revision ID: 90d0b0b20749
Revises: 065073d4a0df
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "90d0b0b20749"
down_revision = "065073d4a0df"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY ix_docs_title ON docs (title)")


def downgrade():
    pass
