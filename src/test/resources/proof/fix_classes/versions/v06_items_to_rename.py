"""an index and a sequence for v07 to rename, each made only where it is missing

Revision ID: v06
Revises: v05
"""
from alembic import op

revision = "v06"
down_revision = "v05"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE INDEX IF NOT EXISTS ix_services_framework ON services (framework_id)")
    op.execute("CREATE SEQUENCE IF NOT EXISTS services_number_seq")


def downgrade():
    op.execute("DROP SEQUENCE IF EXISTS services_number_seq")
    op.execute("DROP INDEX IF EXISTS ix_services_framework")
