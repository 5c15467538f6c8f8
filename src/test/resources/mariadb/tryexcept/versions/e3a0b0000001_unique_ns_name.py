"""A unique constraint under `except sa.exc.IntegrityError`: its re-run's 1061 is an OperationalError

Revision ID: e3a0b0000001
Revises:
"""
import logging
import sys

import sqlalchemy as sa
from alembic import op

LOG = logging.getLogger(__name__)
EXPLANATION = "pool_ns_records holds duplicate (pool_id, hostname) rows: remove them and upgrade again (%s)"

revision = "e3a0b0000001"
down_revision = None


def upgrade():
    if not sa.inspect(op.get_bind()).has_table("pool_ns_records"):
        op.create_table(
            "pool_ns_records",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("pool_id", sa.Integer(), nullable=False),
            sa.Column("hostname", sa.String(255), nullable=False),
        )
    try:
        with op.batch_alter_table("pool_ns_records") as batch_op:
            batch_op.create_unique_constraint("unique_ns_name", ["pool_id", "hostname"])
    except sa.exc.IntegrityError as e:
        LOG.error(EXPLANATION, e)
        sys.exit(1)


def downgrade():
    op.drop_table("pool_ns_records")
