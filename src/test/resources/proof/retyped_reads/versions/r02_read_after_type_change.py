"""The type change first, the read under the new type after it: re-runs cleanly

Revision ID: r02
Revises: r01
"""
from alembic import op
import sqlalchemy as sa

revision = "r02"
down_revision = "r01"
branch_labels = None
depends_on = None


# clean counterpart of: read-before-type-change


def upgrade():
    op.alter_column("plans", "quota", type_=sa.Integer(), existing_type=sa.String(10), postgresql_using="quota::integer")
    op.execute("UPDATE plans SET quota = 0 WHERE quota IS NULL")


def downgrade():
    op.alter_column("plans", "quota", type_=sa.String(10), postgresql_using="quota::text")
