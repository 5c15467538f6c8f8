"""kind index

Revision ID: 873054bca5fc
Revises: ecfa314d3fce
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "873054bca5fc"
down_revision = "ecfa314d3fce"
branch_labels = None
depends_on = None


INDEX_SQL = "CREATE INDEX IF NOT EXISTS %(name)s ON %(table)s (%(cols)s)"


def upgrade():
    op.execute(INDEX_SQL % {"name": "ix_events_kind", "table": "events", "cols": "kind"})


def downgrade():
    pass
