"""SQLAlchemy Core Table.create(bind) without checkfirst: DuplicateTable (42P07) on the re-run

Revision ID: t22
Revises: t00
"""
from alembic import op
import sqlalchemy as sa

revision = "t22"
down_revision = "t00"
branch_labels = None
depends_on = None

meta = sa.MetaData()
ledger = sa.Table("core_ledger", meta, sa.Column("id", sa.Integer(), primary_key=True))


def upgrade():
    ledger.create(op.get_bind())


def downgrade():
    pass
