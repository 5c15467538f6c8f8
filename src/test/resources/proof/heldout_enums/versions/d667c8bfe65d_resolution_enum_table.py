"""resolutions table

Revision ID: d667c8bfe65d
Revises: b0f3c068fc3c
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d667c8bfe65d"
down_revision = "b0f3c068fc3c"
branch_labels = None
depends_on = None


def upgrade():
    resolution = sa.Enum("fixed", "wontfix", "duplicate", name="resolution")
    op.create_table(
        "resolutions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("value", resolution, nullable=False),
        if_not_exists=True,
    )


def downgrade():
    pass
