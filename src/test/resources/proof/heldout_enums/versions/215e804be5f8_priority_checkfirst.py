"""priority

Revision ID: 215e804be5f8
Revises: 44e5a7e82bd0
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "215e804be5f8"
down_revision = "44e5a7e82bd0"
branch_labels = None
depends_on = None


priority_enum = postgresql.ENUM("low", "normal", "high", name="ticket_priority", create_type=False)


def upgrade():
    bind = op.get_bind()
    priority_enum.create(bind, checkfirst=True)
    cols = [c["name"] for c in sa.inspect(bind).get_columns("tickets")]
    if "priority" not in cols:
        op.add_column("tickets", sa.Column("priority", priority_enum, nullable=True))


def downgrade():
    pass
