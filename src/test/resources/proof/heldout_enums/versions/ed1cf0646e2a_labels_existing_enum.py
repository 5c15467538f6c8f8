"""labels

Revision ID: ed1cf0646e2a
Revises: da2df193b3c6
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "ed1cf0646e2a"
down_revision = "da2df193b3c6"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    if not sa.inspect(conn).has_table("ticket_labels"):
        op.create_table(
            "ticket_labels",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("ticket_id", sa.Integer(), sa.ForeignKey("tickets.id"), nullable=False),
            sa.Column("kind", postgresql.ENUM(name="ticket_kind", create_type=False), nullable=False),
        )


def downgrade():
    pass
