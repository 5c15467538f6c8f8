"""credit notes

Revision ID: 75840037ad46
Revises: 224150b0c164
Create Date: 2023-02-11 10:01:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "75840037ad46"
down_revision = "224150b0c164"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("credit_notes"):
        op.create_table(
            "credit_notes",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("invoice_id", sa.Integer()),
            schema="billing",
        )


def downgrade():
    pass
