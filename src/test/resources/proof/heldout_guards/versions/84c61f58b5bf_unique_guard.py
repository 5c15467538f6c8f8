"""uq name

Revision ID: 84c61f58b5bf
Revises: 851337be7e5e
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "84c61f58b5bf"
down_revision = "851337be7e5e"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    insp = sa.inspect(conn)
    names = [uc["name"] for uc in insp.get_unique_constraints("accounts")]
    if "uq_accounts_name" not in names:
        op.create_unique_constraint("uq_accounts_name", "accounts", ["name"])


def downgrade():
    pass
