"""ledger fk

Revision ID: 5458fa156552
Revises: 298b436af8b3
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "5458fa156552"
down_revision = "298b436af8b3"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    exists = conn.execute(
        sa.text("SELECT 1 FROM pg_constraint WHERE conname = :name"),
        {"name": "fk_ledgers_account_id"},
    ).scalar()
    if not exists:
        op.create_foreign_key("fk_ledgers_account_id", "ledgers", "accounts", ["account_id"], ["id"])


def downgrade():
    pass
