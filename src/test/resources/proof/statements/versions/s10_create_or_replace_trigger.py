"""CREATE OR REPLACE TRIGGER (PostgreSQL 14+) re-runs cleanly

Revision ID: s10
Revises: s09
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "s10"
down_revision = "s09"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "CREATE OR REPLACE TRIGGER games_touch_update BEFORE UPDATE ON games"
        " FOR EACH ROW EXECUTE FUNCTION touch_game()"
    )


def downgrade():
    pass
