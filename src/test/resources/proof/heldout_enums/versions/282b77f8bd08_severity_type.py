"""severity

Revision ID: 282b77f8bd08
Revises: 1df7c5cc6f3c
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "282b77f8bd08"
down_revision = "1df7c5cc6f3c"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE severity AS ENUM ('minor', 'major', 'critical')")


def downgrade():
    pass
