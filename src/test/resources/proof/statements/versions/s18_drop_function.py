"""DROP FUNCTION without IF EXISTS: UndefinedFunction (42883) on re-run

Revision ID: s18
Revises: s17
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s18"
down_revision = "s17"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP FUNCTION game_total(integer, integer)")


def downgrade():
    pass
