"""updated idx

Revision ID: ec76d32b2d9a
Revises: d1b053165263
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "ec76d32b2d9a"
down_revision = "d1b053165263"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_docs_updated", "docs", ["updated"], if_not_exists=True)


def downgrade():
    pass
