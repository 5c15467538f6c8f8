"""touch fn

Revision ID: f8b348dff210
Revises: 16ed2bacde57
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "f8b348dff210"
down_revision = "16ed2bacde57"
branch_labels = None
depends_on = None


TOUCH_FN = """
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger AS $$
BEGIN
    NEW.updated_at = now();
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def upgrade():
    op.execute(TOUCH_FN)


def downgrade():
    pass
