"""customer ref

Revision ID: e508dbc260b7
Revises: 25255306912a
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "e508dbc260b7"
down_revision = "25255306912a"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("invoices", schema="billing") as batch_op:
        batch_op.alter_column("customer_ref", existing_type=sa.Integer(), nullable=True, type_=sa.BigInteger())


def downgrade():
    pass
