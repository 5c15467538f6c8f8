"""settings

Revision ID: 7778cdb504a8
Revises: bea9f532c3fb
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "7778cdb504a8"
down_revision = "bea9f532c3fb"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    if sa.inspect(conn).has_table("settings"):
        return
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=True),
    )


def downgrade():
    pass
