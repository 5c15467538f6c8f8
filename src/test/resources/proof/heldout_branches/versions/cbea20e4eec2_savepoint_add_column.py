"""owner

Revision ID: cbea20e4eec2
Revises: b55f103a607f
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "cbea20e4eec2"
down_revision = "b55f103a607f"
branch_labels = None
depends_on = None


def upgrade():
    bind = op.get_bind()
    try:
        with bind.begin_nested():
            op.add_column("projects", sa.Column("owner_login", sa.String(64), nullable=True))
    except sa.exc.ProgrammingError:
        pass


def downgrade():
    pass
