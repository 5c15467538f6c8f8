"""name to text

Revision ID: 45d8ceecef41
Revises: 7c9d2e83aeeb
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "45d8ceecef41"
down_revision = "7c9d2e83aeeb"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(
            "name",
            existing_type=sa.VARCHAR(length=50),
            type_=sa.Text(),
            existing_nullable=True,
        )


def downgrade():
    pass
