"""merge c

Revision ID: 82bd1f1b8bbc
Revises: cbea20e4eec2, f0e46dc66926
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "82bd1f1b8bbc"
down_revision = ("cbea20e4eec2", "f0e46dc66926")
branch_labels = None
depends_on = None


def upgrade():
    op.create_index("ix_labels_project_id", "labels", ["project_id"])


def downgrade():
    pass
