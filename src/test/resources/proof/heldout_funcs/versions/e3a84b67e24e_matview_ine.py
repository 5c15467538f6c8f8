"""matview

Revision ID: e3a84b67e24e
Revises: 9f58c2ceee16
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "e3a84b67e24e"
down_revision = "9f58c2ceee16"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE MATERIALIZED VIEW IF NOT EXISTS item_stats AS
            SELECT owner, count(*) AS n, sum(price) AS total FROM items GROUP BY owner
        WITH NO DATA;
        CREATE UNIQUE INDEX ON item_stats (owner);
        """
    )


def downgrade():
    pass
