"""reindex

Revision ID: 27a6dbab9254
Revises: ec76d32b2d9a
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "27a6dbab9254"
down_revision = "ec76d32b2d9a"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("REINDEX INDEX CONCURRENTLY ix_docs_slug")


def downgrade():
    pass
