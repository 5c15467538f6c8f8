"""create_primary_key: re-run fails with InvalidTableDefinition (42P16)

Revision ID: k04
Revises: k03
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "k04"
down_revision = "k03"
branch_labels = None
depends_on = None


def upgrade():
    op.create_primary_key("pk_notes", "notes", ["id"])


def downgrade():
    pass
