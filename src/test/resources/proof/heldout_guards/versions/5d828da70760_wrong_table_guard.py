"""ledger owner

Revision ID: 5d828da70760
Revises: abad09d97a8b
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "5d828da70760"
down_revision = "abad09d97a8b"
branch_labels = None
depends_on = None


def column_exists(table_name, column_name):
    bind = op.get_bind()
    insp = sa.inspect(bind)
    return any(c["name"] == column_name for c in insp.get_columns(table_name))


def upgrade():
    if not column_exists("accounts", "owner_id"):
        op.add_column("ledgers", sa.Column("owner_id", sa.Integer(), nullable=True))


def downgrade():
    pass
