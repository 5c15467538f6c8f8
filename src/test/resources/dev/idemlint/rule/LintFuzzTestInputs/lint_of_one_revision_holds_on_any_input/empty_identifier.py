"""add x

Revision ID: 0001
Revises:
Create Date: 2024-01-01 10:00:00

"""
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE \"\" (id int)")


def downgrade():
    pass
