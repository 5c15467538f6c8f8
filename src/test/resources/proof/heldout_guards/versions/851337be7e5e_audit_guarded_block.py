"""audit

Revision ID: 851337be7e5e
Revises: 0d32065a53c5
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "851337be7e5e"
down_revision = "0d32065a53c5"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    insp = sa.inspect(conn)
    if not insp.has_table("audit"):
        op.create_table(
            "audit",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("what", sa.Text()),
            sa.Column("legacy", sa.Text()),
        )
        op.create_index("ix_audit_what", "audit", ["what"])
    if "legacy" in [c["name"] for c in insp.get_columns("audit")]:
        op.drop_column("audit", "legacy")


def downgrade():
    pass
