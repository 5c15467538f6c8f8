"""INSERT writing a UNIQUE column: 23505 on re-run

Revision ID: i06
Revises: i05
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i06"
down_revision = "i05"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO plans (id, code, name) SELECT max(id) + 1, 'gold', 'Gold' FROM plans")


def downgrade():
    pass
