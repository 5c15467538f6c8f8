"""plans

Revision ID: u01
Revises: 
Create Date: 2026-11-22 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "u01"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("code", sa.String(20), nullable=False),
        sa.UniqueConstraint("code", name="uq_plans_code"),
    )
    op.create_table(
        "regions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("slug", sa.String(20), nullable=True),
        sa.Column("label", sa.String(40)),
    )
    op.create_unique_constraint("uq_regions_slug", "regions", ["slug"])
    op.create_table(
        "currencies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("iso", sa.String(3), nullable=False),
        sa.Column("label", sa.String(40)),
    )
    op.create_index("ix_currencies_iso", "currencies", ["iso"], unique=True)


def downgrade():
    pass
