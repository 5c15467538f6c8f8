"""helper cols

Revision ID: 40c0bdbef2cb
Revises: 8a93fb407155
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "40c0bdbef2cb"
down_revision = "8a93fb407155"
branch_labels = None
depends_on = None


def add_col(name, type_):
    op.execute(f"ALTER TABLE events ADD COLUMN {name} {type_}")


def upgrade():
    add_col("actor_id", "bigint")
    add_col("actor_ip", "inet")


def downgrade():
    pass
