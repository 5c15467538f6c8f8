"""create 16U local queens team

Revision ID: 040
Revises: 024
Create Date: 2026-04-09 08:15:00.000000

"""
from alembic import op

revision = "040"
down_revision = "024"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "INSERT INTO teams (name, division) "
        "SELECT '16U Local Queens', 'girls' "
        "WHERE NOT EXISTS (SELECT 1 FROM teams WHERE name = '16U Local Queens')"
    )


def downgrade():
    op.execute("DELETE FROM teams WHERE name = '16U Local Queens'")
