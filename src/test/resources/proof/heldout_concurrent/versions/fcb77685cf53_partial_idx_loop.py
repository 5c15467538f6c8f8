"""partial idxs

Revision ID: fcb77685cf53
Revises: d4e9be9b89bf
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "fcb77685cf53"
down_revision = "d4e9be9b89bf"
branch_labels = None
depends_on = None


INDEXES = {
    "ix_docs_recent": "updated > '2020-01-01'",
    "ix_docs_untitled": "title = ''",
}


def upgrade():
    with op.get_context().autocommit_block():
        for name, where in INDEXES.items():
            op.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON docs (id) WHERE {where}")


def downgrade():
    pass
