"""accounts + ledgers

Revision ID: c2a24ca9b6b5
Revises: 
Create Date: 2023-01-10 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "c2a24ca9b6b5"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    inspector = sa.inspect(conn)
    if not inspector.has_table("accounts"):
        op.create_table(
            "accounts",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("name", sa.String(100), nullable=False),
            sa.Column("created", sa.DateTime(), nullable=True),
        )
    if not inspector.has_table("ledgers"):
        op.create_table(
            "ledgers",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("account_id", sa.Integer(), nullable=False),
            sa.Column("amount", sa.Numeric(14, 2), nullable=False),
        )


def downgrade():
    pass
