"""custom_notes column

Revision ID: 020
Revises: 018
Create Date: 2026-03-24 09:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "020"
down_revision = "018"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("players", sa.Column("custom_notes", sa.Text(), nullable=True))


def downgrade():
    op.drop_column("players", "custom_notes")
