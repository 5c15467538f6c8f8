"""sa.Enum(...).create(bind) passes checkfirst=False to the dialect type: 42710 on re-run

Revision ID: e03b
Revises: e03
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e03b"
down_revision = "e03"
branch_labels = None
depends_on = None


def upgrade():
    sa.Enum("home", "away", name="side").create(op.get_bind())


def downgrade():
    pass
