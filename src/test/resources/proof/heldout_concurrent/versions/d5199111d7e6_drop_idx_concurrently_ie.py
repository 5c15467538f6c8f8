"""drop old idx

Revision ID: d5199111d7e6
Revises: 42fd4d03206a
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d5199111d7e6"
down_revision = "42fd4d03206a"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_docs_old_title")


def downgrade():
    pass
