"""slug idx in txn

Revision ID: 82b6dba602a3
Revises: fcb77685cf53
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "82b6dba602a3"
down_revision = "fcb77685cf53"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_docs_title_slug", "docs", ["title", "slug"], postgresql_concurrently=True)


def downgrade():
    pass
