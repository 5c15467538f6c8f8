"""body trgm-less idx + col

Revision ID: d4e9be9b89bf
Revises: 27a6dbab9254
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d4e9be9b89bf"
down_revision = "27a6dbab9254"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_docs_body_len ON docs (length(body))")
    op.add_column("docs", sa.Column("word_count", sa.Integer(), nullable=True))


def downgrade():
    pass
