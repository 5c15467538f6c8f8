"""cheap view v2

Revision ID: 9f58c2ceee16
Revises: a24c8d24cc63
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "9f58c2ceee16"
down_revision = "a24c8d24cc63"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "CREATE OR REPLACE VIEW cheap_items AS SELECT id, price FROM items WHERE price < 20"
    )


def downgrade():
    pass
