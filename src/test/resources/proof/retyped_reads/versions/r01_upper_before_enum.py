"""UPDATE reading a text column with upper() before an alter_column makes it an enum: the re-run fails at the read
with UndefinedFunction (42883), upper() of the enum

Revision ID: r01
Revises: r00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "r01"
down_revision = "r00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE plans SET tier = UPPER(tier) WHERE tier IS NOT NULL")
    op.alter_column(
        "plans",
        "tier",
        type_=postgresql.ENUM("FREE", "PRO", name="tier_level", create_type=False),
        existing_type=sa.String(20),
        postgresql_using="tier::tier_level",
    )


def downgrade():
    op.alter_column("plans", "tier", type_=sa.String(20), postgresql_using="tier::text")
