"""INSERT ... SELECT backfill into a table whose primary key the convention names (pk_ledger): the re-run
inserts the same ids again and fails with UniqueViolation (23505) on pk_ledger

Revision ID: n11
Revises: n10
"""
from alembic import op
import sqlalchemy as sa

revision = "n11"
down_revision = "n10"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO ledger (id, amount, kind) SELECT id, total, 'sale' FROM orders")


def downgrade():
    op.execute("DELETE FROM ledger")
