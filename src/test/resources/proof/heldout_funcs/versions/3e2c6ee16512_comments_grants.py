"""comments

Revision ID: 3e2c6ee16512
Revises: 82998a6ac545
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "3e2c6ee16512"
down_revision = "82998a6ac545"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("COMMENT ON TABLE items IS 'sellable items'")
    op.execute("COMMENT ON FUNCTION touch_updated_at() IS 'sets updated_at'")
    op.execute("GRANT SELECT ON items TO PUBLIC")
    op.execute("REFRESH MATERIALIZED VIEW item_stats")


def downgrade():
    pass
