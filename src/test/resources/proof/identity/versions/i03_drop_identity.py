"""an identity dropped: the re-run finds none to drop

Revision ID: i03
Revises: i02
"""
from alembic import op
import sqlalchemy as sa

revision = "i03"
down_revision = "i02"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE tokens ALTER COLUMN id DROP IDENTITY")


def downgrade():
    pass
