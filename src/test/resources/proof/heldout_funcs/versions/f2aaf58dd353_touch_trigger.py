"""touch trigger

Revision ID: f2aaf58dd353
Revises: f8b348dff210
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "f2aaf58dd353"
down_revision = "f8b348dff210"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TRIGGER trg_items_touch
        BEFORE UPDATE ON items
        FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
        """
    )


def downgrade():
    pass
