"""status

Revision ID: 3ea8931f0aa0
Revises: 1f47a2ab35fb
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "3ea8931f0aa0"
down_revision = "1f47a2ab35fb"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    if "status" in {c["name"] for c in sa.inspect(conn).get_columns("accounts")}:
        return
    op.add_column("accounts", sa.Column("status", sa.String(16), nullable=True))
    op.create_index("ix_accounts_status", "accounts", ["status"])


def downgrade():
    pass
