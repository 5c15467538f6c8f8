"""docs

Revision ID: 065073d4a0df
Revises: 
Create Date: 2023-01-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "065073d4a0df"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    if not sa.inspect(conn).has_table("docs"):
        op.create_table(
            "docs",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("title", sa.Text(), nullable=False),
            sa.Column("slug", sa.Text(), nullable=False),
            sa.Column("body", sa.Text()),
            sa.Column("author", sa.Text()),
            sa.Column("updated", sa.DateTime()),
        )


def downgrade():
    pass
