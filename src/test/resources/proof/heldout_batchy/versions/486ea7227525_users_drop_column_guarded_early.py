"""drop locale

Revision ID: 486ea7227525
Revises: 79b9f0d95663
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "486ea7227525"
down_revision = "79b9f0d95663"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    if "locale" not in [c["name"] for c in sa.inspect(conn).get_columns("users")]:
        return
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_index("ix_users_locale")
        batch_op.drop_column("locale")


def downgrade():
    pass
