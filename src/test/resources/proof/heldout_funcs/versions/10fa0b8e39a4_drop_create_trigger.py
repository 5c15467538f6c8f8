"""recreate trigger

Revision ID: 10fa0b8e39a4
Revises: f2aaf58dd353
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "10fa0b8e39a4"
down_revision = "f2aaf58dd353"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DROP TRIGGER IF EXISTS trg_items_touch ON items")
    op.execute(
        "CREATE TRIGGER trg_items_touch BEFORE UPDATE ON items "
        "FOR EACH ROW EXECUTE PROCEDURE touch_updated_at()"
    )


def downgrade():
    pass
