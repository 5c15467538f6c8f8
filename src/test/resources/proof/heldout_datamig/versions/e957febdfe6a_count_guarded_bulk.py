"""crypto

Revision ID: e957febdfe6a
Revises: c91054a7b1f6
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "e957febdfe6a"
down_revision = "c91054a7b1f6"
branch_labels = None
depends_on = None


crypto = sa.table("currencies", sa.column("code", sa.String), sa.column("name", sa.String))


def upgrade():
    conn = op.get_bind()
    n = conn.execute(sa.text("SELECT count(*) FROM currencies WHERE code = 'BTC'")).scalar()
    if n == 0:
        op.bulk_insert(crypto, [{"code": "BTC", "name": "Bitcoin"}])


def downgrade():
    pass
