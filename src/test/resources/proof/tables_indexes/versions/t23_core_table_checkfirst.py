"""SQLAlchemy Core Table.create(bind, checkfirst=True) re-runs cleanly

Revision ID: t23
Revises: t00
"""
from alembic import op
import sqlalchemy as sa

revision = "t23"
down_revision = "t00"
branch_labels = None
depends_on = None

meta = sa.MetaData()
journal = sa.Table("core_journal", meta, sa.Column("id", sa.Integer(), primary_key=True))


def upgrade():
    journal.create(op.get_bind(), checkfirst=True)


def downgrade():
    pass
