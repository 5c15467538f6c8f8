"""keywords as an array: the re-run's string_to_array meets a text[] column (post-award 009, cloudify 272e61bf5f4a)

Revision ID: v01
Revises: v00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "v01"
down_revision = "v00"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column(
        "awards", "keywords", type_=postgresql.ARRAY(sa.Text()), postgresql_using="string_to_array(keywords, ',')"
    )


def downgrade():
    pass
