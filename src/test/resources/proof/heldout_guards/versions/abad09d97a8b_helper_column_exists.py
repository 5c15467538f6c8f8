"""owner email

Revision ID: abad09d97a8b
Revises: 3ea8931f0aa0
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "abad09d97a8b"
down_revision = "3ea8931f0aa0"
branch_labels = None
depends_on = None


def column_exists(table_name, column_name):
    bind = op.get_bind()
    insp = sa.inspect(bind)
    return any(c["name"] == column_name for c in insp.get_columns(table_name))


def upgrade():
    if not column_exists("accounts", "owner_email"):
        op.add_column("accounts", sa.Column("owner_email", sa.String(255)))


def downgrade():
    pass
