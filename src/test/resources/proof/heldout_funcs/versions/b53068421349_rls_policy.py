"""rls

Revision ID: b53068421349
Revises: 6e60853a2e5a
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "b53068421349"
down_revision = "6e60853a2e5a"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE items ENABLE ROW LEVEL SECURITY")
    op.execute("CREATE POLICY items_owner ON items USING (owner = current_user)")


def downgrade():
    pass
