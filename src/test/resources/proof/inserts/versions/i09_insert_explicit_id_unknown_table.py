"""explicit ids into a table whose keys idemlint cannot read: UniqueViolation (23505) on the re-run

Revision ID: i09
Revises: i00
"""
from alembic import op

revision = "i09"
down_revision = "i00"
branch_labels = None
depends_on = None


def _table():
    return "regions"


def upgrade():
    # The table name comes from a function call, so the timeline does not know its keys.
    op.execute("CREATE TABLE IF NOT EXISTS " + _table() + " (id integer PRIMARY KEY, name text)")
    op.execute("INSERT INTO regions (id, name) VALUES (1, 'north'), (2, 'south')")


def downgrade():
    pass
