"""unnamed primary key in raw SQL: a table has only one, InvalidTableDefinition (42P16) on the re-run

Revision ID: k18
Revises: k00
"""
from alembic import op

revision = "k18"
down_revision = "k00"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS rosters (id integer NOT NULL, name text)")
    op.execute("ALTER TABLE rosters ADD PRIMARY KEY (id)")


def downgrade():
    pass
