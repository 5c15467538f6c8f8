"""tickets

Revision ID: 44e5a7e82bd0
Revises: 
Create Date: 2023-01-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "44e5a7e82bd0"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.Enum("open", "closed", name="ticket_status"), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade():
    pass
