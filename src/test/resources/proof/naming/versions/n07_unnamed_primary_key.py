"""create_primary_key(None): pk_notes; a table has one primary key, a re-run fails with InvalidTableDefinition (42P16)

Revision ID: n07
Revises: n06
"""
from alembic import op
import sqlalchemy as sa

revision = "n07"
down_revision = "n06"
branch_labels = None
depends_on = None


def upgrade():
    op.create_primary_key(None, "notes", ["id"])


def downgrade():
    pass
