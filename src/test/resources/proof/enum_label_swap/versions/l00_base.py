"""base: two tables with a native enum column each, and a row of the label the next revisions remove

Revision ID: l00
Revises:
"""
from alembic import op

revision = "l00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TYPE ticket_state AS ENUM ('open', 'closed', 'stale')")
    op.execute("CREATE TABLE tickets (id integer PRIMARY KEY, state ticket_state NOT NULL)")
    op.execute("INSERT INTO tickets (id, state) VALUES (1, 'open'), (2, 'stale')")
    op.execute("CREATE TYPE order_state AS ENUM ('new', 'paid', 'void')")
    op.execute("CREATE TABLE orders (id integer PRIMARY KEY, state order_state NOT NULL)")
    op.execute("INSERT INTO orders (id, state) VALUES (1, 'paid'), (2, 'void')")


def downgrade():
    pass
