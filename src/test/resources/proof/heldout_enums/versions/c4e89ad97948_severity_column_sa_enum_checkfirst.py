"""severity col

Revision ID: c4e89ad97948
Revises: 99f28e53dc1a
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "c4e89ad97948"
down_revision = "99f28e53dc1a"
branch_labels = None
depends_on = None


def upgrade():
    severity = postgresql.ENUM("minor", "major", "critical", name="severity")
    severity.create(op.get_bind(), checkfirst=True)
    op.add_column("tickets", sa.Column("severity", postgresql.ENUM(name="severity", create_type=False)))


def downgrade():
    pass
