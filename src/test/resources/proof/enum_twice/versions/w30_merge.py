"""merge of the branches

Revision ID: w30
Revises: w01, w02, w10, w20
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "w30"
down_revision = ("w01", "w02", "w10", "w20")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
