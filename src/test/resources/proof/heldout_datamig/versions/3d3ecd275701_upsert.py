"""upsert NOK

Revision ID: 3d3ecd275701
Revises: 1a74c1a11f6f
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "3d3ecd275701"
down_revision = "1a74c1a11f6f"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "INSERT INTO currencies (code, name, rate) VALUES (:code, :name, :rate) "
            "ON CONFLICT (code) DO UPDATE SET rate = EXCLUDED.rate"
        ),
        {"code": "NOK", "name": "Norwegian Krone", "rate": 0.086},
    )


def downgrade():
    pass
