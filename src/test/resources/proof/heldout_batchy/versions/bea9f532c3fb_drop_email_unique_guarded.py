"""drop unique email

Revision ID: bea9f532c3fb
Revises: d7ff9b9eeec5
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "bea9f532c3fb"
down_revision = "d7ff9b9eeec5"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    uniques = {uc["name"] for uc in sa.inspect(conn).get_unique_constraints("users")}
    with op.batch_alter_table("users", schema=None) as batch_op:
        if "uq_users_email" in uniques:
            batch_op.drop_constraint("uq_users_email", type_="unique")


def downgrade():
    pass
