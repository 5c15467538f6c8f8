"""op.bulk_insert with the primary key: 23505 on re-run

Revision ID: i05
Revises: i04
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i05"
down_revision = "i04"
branch_labels = None
depends_on = None


def upgrade():
    plans = sa.table("plans", sa.column("id", sa.Integer), sa.column("code", sa.Text), sa.column("name", sa.Text))
    op.bulk_insert(plans, [{"id": 4, "code": "edu", "name": "Education"}])


def downgrade():
    pass
