"""tags

Revision ID: 0d32065a53c5
Revises: abeaac571e0d
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "0d32065a53c5"
down_revision = "abeaac571e0d"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    tables = sa.inspect(conn).get_table_names()
    if "tags" not in tables:
        op.create_table(
            "tags",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("name", sa.String(50), nullable=False),
        )
    op.create_index("ix_tags_name", "tags", ["name"], unique=True)


def downgrade():
    pass
