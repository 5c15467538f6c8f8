"""sa.Enum(create_type=False) is ignored on SQLAlchemy 1.4: 42710 on the first run

Revision ID: e12
Revises: e11
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "e12"
down_revision = "e11"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "moods_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("mood", sa.Enum("calm", "tense", name="mood", create_type=False)),
    )


def downgrade():
    pass
