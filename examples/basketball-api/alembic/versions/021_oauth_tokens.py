"""oauth_tokens table

Revision ID: 021
Revises: 020
Create Date: 2026-03-25 11:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

revision = "021"
down_revision = "020"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "oauth_tokens",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("provider", sa.String(32), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
    )
    op.create_index("ix_oauth_tokens_provider", "oauth_tokens", ["provider"])


def downgrade():
    op.drop_index("ix_oauth_tokens_provider", table_name="oauth_tokens")
    op.drop_table("oauth_tokens")
