"""drop legacy

Revision ID: 2c7fe0bf0c07
Revises: 45d8ceecef41
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "2c7fe0bf0c07"
down_revision = "45d8ceecef41"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("legacy")


def downgrade():
    pass
