"""drop_constraint(if_exists=True) raises TypeError on Alembic 1.8.1

Revision ID: k12
Revises: k17
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k12"
down_revision = "k17"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_constraint("ck_teams_name", "teams", type_="check", if_exists=True)


def downgrade():
    pass
