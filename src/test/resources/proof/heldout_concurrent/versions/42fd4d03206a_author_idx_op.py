"""author idx

Revision ID: 42fd4d03206a
Revises: 92e347c33e37
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "42fd4d03206a"
down_revision = "92e347c33e37"
branch_labels = None
depends_on = None


def upgrade():
    with op.get_context().autocommit_block():
        op.create_index(
            op.f("ix_docs_author"),
            "docs",
            ["author"],
            unique=False,
            postgresql_concurrently=True,
        )


def downgrade():
    pass
