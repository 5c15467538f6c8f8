"""channel

Revision ID: 03e3a0abc966
Revises: 7a33d6f9857c
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "03e3a0abc966"
down_revision = "7a33d6f9857c"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "tickets",
        sa.Column("channel", sa.Enum("web", "mail", "phone", name="ticket_channel"), nullable=True),
    )


def downgrade():
    pass
