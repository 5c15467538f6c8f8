"""cleanup

Revision ID: 8a93fb407155
Revises: 6ba563c22311
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "8a93fb407155"
down_revision = "6ba563c22311"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("DROP INDEX IF EXISTS ix_events_ts"))
    conn.execute(sa.text("DROP TABLE IF EXISTS events_tmp_import"))
    conn.execute(sa.text("ALTER TABLE events DROP COLUMN IF EXISTS utm_medium"))


def downgrade():
    pass
