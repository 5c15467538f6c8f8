"""branch a: archived

Revision ID: a1a1cc05344c
Revises: 93460813e4b4
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "a1a1cc05344c"
down_revision = "93460813e4b4"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("projects", sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    pass
