"""payment pk

Revision ID: 53029012937a
Revises: 0f1f084e622a
Create Date: 2023-01-19 10:09:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "53029012937a"
down_revision = "0f1f084e622a"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("payment", sa.Column("id", sa.Integer(), sa.Identity(), nullable=False))
    op.create_primary_key("pk_payment", "payment", ["id"])


def downgrade():
    pass
