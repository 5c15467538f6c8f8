"""batch_op.create_check_constraint: ck_customers_email_has_at

Revision ID: n08
Revises: n07
"""
from alembic import op
import sqlalchemy as sa

revision = "n08"
down_revision = "n07"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("customers") as batch_op:
        batch_op.create_check_constraint("email_has_at", "email LIKE '%@%'")


def downgrade():
    pass
