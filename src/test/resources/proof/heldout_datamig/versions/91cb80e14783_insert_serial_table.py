"""countries

Revision ID: 91cb80e14783
Revises: e957febdfe6a
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "91cb80e14783"
down_revision = "e957febdfe6a"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "countries",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("iso", sa.String(2), nullable=False, unique=True),
        sa.Column("currency", sa.String(3), sa.ForeignKey("currencies.code")),
        if_not_exists=True,
    )


def downgrade():
    pass
