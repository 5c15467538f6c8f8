"""conn.execute(sa.text(...)) ADD COLUMN: 42701 on re-run

Revision ID: c04
Revises: c03
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "c04"
down_revision = "c03"
branch_labels = None
depends_on = None


from sqlalchemy import text


def upgrade():
    conn = op.get_bind()
    conn.execute(text("ALTER TABLE players ADD COLUMN email varchar(255)"))


def downgrade():
    pass
