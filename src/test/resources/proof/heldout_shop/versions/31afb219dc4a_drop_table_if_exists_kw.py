"""drop scratch table

Revision ID: 31afb219dc4a
Revises: ef15ad7d3e05
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "31afb219dc4a"
down_revision = "ef15ad7d3e05"
branch_labels = None
depends_on = None


def upgrade():
    op.drop_table("scratch_import", if_exists=True)


def downgrade():
    pass
