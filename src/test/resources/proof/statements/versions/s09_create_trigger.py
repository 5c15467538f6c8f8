"""CREATE TRIGGER: 42710 on re-run

Revision ID: s09
Revises: s08
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s09"
down_revision = "s08"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "CREATE TRIGGER games_touch BEFORE INSERT ON games FOR EACH ROW EXECUTE FUNCTION touch_game()"
    )


def downgrade():
    pass
