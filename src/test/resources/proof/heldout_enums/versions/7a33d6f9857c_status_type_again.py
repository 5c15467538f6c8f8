"""ticket_status again

Revision ID: 7a33d6f9857c
Revises: d667c8bfe65d
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "7a33d6f9857c"
down_revision = "d667c8bfe65d"
branch_labels = None
depends_on = None


def upgrade():
    status = sa.Enum("open", "closed", name="ticket_status")
    status.create(op.get_bind())


def downgrade():
    pass
