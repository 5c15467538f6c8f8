"""seed countries

Revision ID: 24eac74e7a18
Revises: 91cb80e14783
Create Date: 2023-04-12 10:12:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "24eac74e7a18"
down_revision = "91cb80e14783"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    try:
        conn.execute(sa.text("INSERT INTO countries (iso, currency) VALUES ('DE', 'EUR'), ('CH', 'CHF')"))
    except sa.exc.IntegrityError:
        pass


def downgrade():
    pass
