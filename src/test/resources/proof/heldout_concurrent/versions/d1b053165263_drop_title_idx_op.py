"""drop title idx

Revision ID: d1b053165263
Revises: d5199111d7e6
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d1b053165263"
down_revision = "d5199111d7e6"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.drop_index("ix_docs_title", table_name="docs", postgresql_concurrently=True)


def downgrade():
    pass
