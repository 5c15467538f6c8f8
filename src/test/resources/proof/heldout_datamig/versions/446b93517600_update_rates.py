"""rates

Revision ID: 446b93517600
Revises: 2b7217e90858
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "446b93517600"
down_revision = "2b7217e90858"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE currencies SET rate = 1 WHERE code = 'EUR'")
    op.execute(sa.text("UPDATE currencies SET rate = :r WHERE code = :c").bindparams(r=1.08, c="USD"))


def downgrade():
    pass
