"""settings not null

Revision ID: 5cc0b4676e02
Revises: 7778cdb504a8
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "5cc0b4676e02"
down_revision = "7778cdb504a8"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("settings", recreate="always") as batch_op:
        batch_op.alter_column("value", existing_type=sa.Text(), nullable=False, server_default="")


def downgrade():
    pass
