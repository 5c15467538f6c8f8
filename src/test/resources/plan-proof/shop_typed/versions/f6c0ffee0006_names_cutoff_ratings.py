"""longer names, delivery cut-off and ratings

Revision ID: f6c0ffee0006
Revises: e5c0ffee0005
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "f6c0ffee0006"
down_revision = "e5c0ffee0005"
branch_labels = None
depends_on = None


def upgrade():
    op.alter_column("customers", "name", type_=sa.String(200), existing_type=sa.Unicode(120))
    op.add_column("orders", sa.Column("cutoff", sa.Time()))
    op.add_column("orders", sa.Column("delivery_window", sa.Interval()))
    op.add_column("products", sa.Column("rating", sa.Float(precision=10)))


def downgrade():
    op.drop_column("products", "rating")
    op.drop_column("orders", "delivery_window")
    op.drop_column("orders", "cutoff")
    op.alter_column("customers", "name", type_=sa.Unicode(120), existing_type=sa.String(200))
