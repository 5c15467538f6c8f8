"""drop old type

Revision ID: b0f3c068fc3c
Revises: c4e89ad97948
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "b0f3c068fc3c"
down_revision = "c4e89ad97948"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP TYPE IF EXISTS old_flag")
    op.execute("COMMENT ON TYPE ticket_status IS 'ticket lifecycle'")


def downgrade():
    pass
