"""migration log

Revision ID: 2deceb1ae1e5
Revises: 446b93517600
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "2deceb1ae1e5"
down_revision = "446b93517600"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS migration_log (id serial PRIMARY KEY, note text, at timestamptz DEFAULT now())")
    op.execute("INSERT INTO migration_log (note) VALUES ('currencies seeded')")


def downgrade():
    pass
