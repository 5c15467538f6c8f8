"""no overlapping

Revision ID: 25255306912a
Revises: 53029012937a
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "25255306912a"
down_revision = "53029012937a"
branch_labels = None
depends_on = None


def upgrade():
    op.create_exclude_constraint(
        "excl_payment_during",
        "payment",
        ("during", "&&"),
        using="gist",
    )


def downgrade():
    pass
