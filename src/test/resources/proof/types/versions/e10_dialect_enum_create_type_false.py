"""postgresql.ENUM(create_type=False) in a guarded create_table re-runs cleanly

Revision ID: e10
Revises: e08
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e10"
down_revision = "e08"
branch_labels = None
depends_on = None


# clean counterpart of: enum-create-type-ignored
# clean counterpart of: enum-type-created-twice


def upgrade():
    if not sa.inspect(op.get_bind()).has_table("moods_log"):
        op.create_table(
            "moods_log",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("mood", postgresql.ENUM("calm", "tense", name="mood", create_type=False)),
        )


def downgrade():
    pass
