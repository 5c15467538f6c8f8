"""add locale

Revision ID: 7c9d2e83aeeb
Revises: 54f730822dad
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "7c9d2e83aeeb"
down_revision = "54f730822dad"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("locale", sa.String(length=10), nullable=True))
        batch_op.create_index(batch_op.f("ix_users_locale"), ["locale"], unique=False)


def downgrade():
    pass
