"""starts as a date by a cast, which takes a date as well

Revision ID: v02
Revises: v01
"""
from alembic import op
import sqlalchemy as sa

revision = "v02"
down_revision = "v01"
branch_labels = None
depends_on = None

# clean counterpart of: alter-column-type-not-idempotent

def upgrade():
    op.alter_column("awards", "starts", type_=sa.Date(), postgresql_using="starts::date")


def downgrade():
    pass
