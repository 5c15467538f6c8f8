"""widen name

Revision ID: cf41895bba0f
Revises: 12207dbe13b4
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "cf41895bba0f"
down_revision = "12207dbe13b4"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column(
        "customers",
        "name",
        existing_type=sa.String(length=120),
        type_=sa.String(length=200),
        nullable=False,
        server_default="",
    )


def downgrade():
    pass
