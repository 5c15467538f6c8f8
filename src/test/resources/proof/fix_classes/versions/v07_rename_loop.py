"""an index and a sequence renamed in a loop over a literal list of kinds and names

The re-run finds each old name gone (42P01); the fix writes `ALTER <kind> IF EXISTS` in the f-string, one edit for
every pass of the loop.

Revision ID: v07
Revises: v06
"""
from alembic import op

revision = "v07"
down_revision = "v06"
branch_labels = None
depends_on = None

ITEMS = (
    ("INDEX", "ix_services_framework", "ix_services_framework_id"),
    ("SEQUENCE", "services_number_seq", "services_serial_seq"),
)


def upgrade():
    for item_type, old_name, new_name in ITEMS:
        op.execute(f"ALTER {item_type} {old_name} RENAME TO {new_name}")


def downgrade():
    for item_type, old_name, new_name in ITEMS:
        op.execute(f"ALTER {item_type} {new_name} RENAME TO {old_name}")
