"""name idx

Revision ID: 2d78e1874bce
Revises: e05e50132655
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "2d78e1874bce"
down_revision = "e05e50132655"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_projects_name ON projects (lower(name))")
    else:
        op.create_index("ix_projects_name", "projects", ["name"])


def downgrade():
    pass
