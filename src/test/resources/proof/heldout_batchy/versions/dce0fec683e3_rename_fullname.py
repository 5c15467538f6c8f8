"""rename fullname

Revision ID: dce0fec683e3
Revises: 3014af42dc1f
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "dce0fec683e3"
down_revision = "3014af42dc1f"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    cols = {c["name"] for c in sa.inspect(conn).get_columns("users")}
    if "fullname" in cols:
        with op.batch_alter_table("users") as batch_op:
            batch_op.alter_column("fullname", new_column_name="display_name")


def downgrade():
    pass
