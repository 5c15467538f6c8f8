"""description

Revision ID: 567b9f8ac787
Revises: 2d78e1874bce
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "567b9f8ac787"
down_revision = "2d78e1874bce"
branch_labels = None
depends_on = None


def upgrade():
    if op.get_context().dialect.name == "sqlite":
        op.add_column("projects", sa.Column("description", sa.Text()))
    else:
        op.execute("ALTER TABLE projects ADD COLUMN IF NOT EXISTS description text")


def downgrade():
    pass
