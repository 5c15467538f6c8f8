"""created_at

Revision ID: ed7b125e9e21
Revises: 5d828da70760
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "ed7b125e9e21"
down_revision = "5d828da70760"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    existing = [c["name"] for c in sa.inspect(conn).get_columns("ledgers")]
    if "created" not in existing:
        op.add_column("ledgers", sa.Column("created_at", sa.DateTime(), server_default=sa.func.now()))


def downgrade():
    pass
