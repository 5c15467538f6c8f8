"""seq

Revision ID: 2c5e0717974b
Revises: 8bff3cd6f29d
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "2c5e0717974b"
down_revision = "8bff3cd6f29d"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("CREATE SEQUENCE IF NOT EXISTS events_batch_seq START 1000"))
    conn.execute(sa.text("ALTER SEQUENCE events_batch_seq INCREMENT BY 10"))


def downgrade():
    pass
