"""INSERT with the primary key: UniqueViolation (23505) on re-run

Revision ID: i01
Revises: i00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i01"
down_revision = "i00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO plans (id, code, name) VALUES (1, 'free', 'Free')")


def downgrade():
    pass
