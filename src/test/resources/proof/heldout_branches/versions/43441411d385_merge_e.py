"""merge e

Revision ID: 43441411d385
Revises: 1b08fa5c198a, 75c7d5ec14cc
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "43441411d385"
down_revision = ("1b08fa5c198a", "75c7d5ec14cc")
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS ix_project_tags_tag ON project_tags (tag)"))


def downgrade():
    pass
