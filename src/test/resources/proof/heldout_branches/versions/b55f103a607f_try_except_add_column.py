"""visibility

Revision ID: b55f103a607f
Revises: 567b9f8ac787
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "b55f103a607f"
down_revision = "567b9f8ac787"
branch_labels = None
depends_on = None


def upgrade():
    try:
        op.add_column("projects", sa.Column("visibility", sa.String(16), nullable=True))
    except Exception:
        pass  # column already exists


def downgrade():
    pass
