"""audit table

Revision ID: 1b08fa5c198a
Revises: 82bd1f1b8bbc
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "1b08fa5c198a"
down_revision = "82bd1f1b8bbc"
branch_labels = None
depends_on = None


def upgrade():
    from sqlalchemy.exc import IntegrityError
    try:
        op.create_table(
            "project_audit",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("project_id", sa.Integer()),
            sa.Column("action", sa.String(32)),
        )
    except IntegrityError:
        pass


def downgrade():
    pass
