"""op.drop_index: re-run fails with UndefinedObject (42704)

Revision ID: t12
Revises: t11
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "t12"
down_revision = "t11"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_index("ix_teams_city", table_name="teams")


def downgrade():
    pass
