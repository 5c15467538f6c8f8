"""decimals

Revision ID: 452772afed10
Revises: 2deceb1ae1e5
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "452772afed10"
down_revision = "2deceb1ae1e5"
branch_labels = None
depends_on = None


currencies_t = sa.table("currencies", sa.column("code", sa.String), sa.column("decimals", sa.Integer))


def upgrade():
    op.add_column("currencies", sa.Column("decimals", sa.Integer(), nullable=False, server_default="2"))
    op.execute(currencies_t.update().where(currencies_t.c.code == "JPY").values(decimals=0))


def downgrade():
    pass
