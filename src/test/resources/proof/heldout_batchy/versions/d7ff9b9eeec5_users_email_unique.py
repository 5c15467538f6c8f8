"""unique email

Revision ID: d7ff9b9eeec5
Revises: dce0fec683e3
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "d7ff9b9eeec5"
down_revision = "dce0fec683e3"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_users_email"), ["email"])


def downgrade():
    pass
