"""branch b creates venue_kind too: 42710 applied after branch a

Revision ID: w20
Revises: w00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "w20"
down_revision = "w00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE venue_kind AS ENUM ('indoor', 'outdoor')")


def downgrade():
    pass
