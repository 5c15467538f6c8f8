"""tracking cols

Revision ID: 8bff3cd6f29d
Revises: cf149078e82f
Create Date: 2023-04-13 10:03:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "8bff3cd6f29d"
down_revision = "cf149078e82f"
branch_labels = None
depends_on = None


NEW_COLUMNS = ["utm_source", "utm_medium", "utm_campaign"]


def upgrade():
    for col in NEW_COLUMNS:
        op.execute("ALTER TABLE events ADD COLUMN %s varchar(255)" % col)


def downgrade():
    pass
