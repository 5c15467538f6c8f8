"""escalation

Revision ID: 6de1cdd7f46c
Revises: 03e3a0abc966
Create Date: 2023-05-13 10:13:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "6de1cdd7f46c"
down_revision = "03e3a0abc966"
branch_labels = None
depends_on = None


def upgrade():
    escalation = postgresql.ENUM("l1", "l2", "l3", name="escalation_level", create_type=False)
    op.add_column("tickets", sa.Column("escalation", escalation, nullable=True))


def downgrade():
    pass
