"""INSERT ... SELECT WHERE NOT EXISTS re-runs cleanly

Revision ID: i03
Revises: i02
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "i03"
down_revision = "i02"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        "INSERT INTO plans (id, code, name) SELECT 3, 'team', 'Team'"
        " WHERE NOT EXISTS (SELECT 1 FROM plans WHERE id = 3)"
    )


def downgrade():
    pass
