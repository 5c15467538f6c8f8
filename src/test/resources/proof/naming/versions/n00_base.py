"""base: tables made with CREATE TABLE IF NOT EXISTS

Revision ID: n00
Revises: 
"""
from alembic import op
import sqlalchemy as sa

revision = "n00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TABLE IF NOT EXISTS customers (id integer PRIMARY KEY, email text);
        CREATE TABLE IF NOT EXISTS orders (id integer PRIMARY KEY, customer_id integer, total numeric,
            number text, placed_at timestamptz);
        CREATE TABLE IF NOT EXISTS notes (id integer NOT NULL, body text);
        CREATE TABLE IF NOT EXISTS a_rather_long_table_name_that_keeps_going_and_going_on_ref (id integer PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS a_rather_long_table_name_that_keeps_going_and_going_on (id integer PRIMARY KEY,
            another_quite_long_column_name_x integer);
        """
    )


def downgrade():
    pass
