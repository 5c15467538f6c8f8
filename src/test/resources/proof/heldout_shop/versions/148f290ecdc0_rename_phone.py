"""rename phone

Revision ID: 148f290ecdc0
Revises: f7b4f8c319c2
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "148f290ecdc0"
down_revision = "f7b4f8c319c2"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("customers", "phone", new_column_name="phone_number", existing_type=sa.String(40))


def downgrade():
    pass
