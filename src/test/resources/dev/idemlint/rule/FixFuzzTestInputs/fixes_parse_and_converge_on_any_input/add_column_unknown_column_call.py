"""a column added after the revision committed Alembic's transaction by hand

Revision ID: a1c0f0000009
Revises: a1c0f0000008
"""
import sqlalchemy as sa
from alembic import op

revision = "a1c0f0000009"
down_revision = "a1c0f0000008"


def upgrade():
    op.execute("COMMIT")
    op.add_column("players", sa.Kolumn("wingspan_cm", sa.Integer()))  # expect: add-column-not-idempotent
    with op.get_context().autocommit_block():
        op.add_column("players", sa.Column("vertical_cm", sa.Integer()))  # expect: add-column-not-idempotent


def downgrade():
    pass
