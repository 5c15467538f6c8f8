"""insert trigger

Revision ID: f4146a82ce82
Revises: 10fa0b8e39a4
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "f4146a82ce82"
down_revision = "10fa0b8e39a4"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE OR REPLACE TRIGGER trg_items_touch_ins
        BEFORE INSERT ON items
        FOR EACH ROW EXECUTE FUNCTION touch_updated_at()
        """
    )


def downgrade():
    pass
