"""reset seq

Revision ID: c622389b278b
Revises: e508dbc260b7
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "c622389b278b"
down_revision = "e508dbc260b7"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(sa.text("SELECT setval('billing.invoice_no_seq', 20000)"))
    conn.execute(sa.text("TRUNCATE TABLE payment"))


def downgrade():
    pass
