"""closed -> done

Revision ID: 99f28e53dc1a
Revises: ed1cf0646e2a
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "99f28e53dc1a"
down_revision = "ed1cf0646e2a"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TYPE ticket_status RENAME VALUE 'closed' TO 'done'")


def downgrade():
    pass
