"""a serial made an identity column: the re-run fails at DROP DEFAULT (renku-data-services ce54fdbb40fe)

Revision ID: i01
Revises: i00
"""
from alembic import op
import sqlalchemy as sa

revision = "i01"
down_revision = "i00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("ALTER TABLE prefs ALTER COLUMN id DROP DEFAULT")
    op.execute("DROP SEQUENCE IF EXISTS prefs_id_seq")
    op.execute("ALTER TABLE prefs ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY")


def downgrade():
    pass
