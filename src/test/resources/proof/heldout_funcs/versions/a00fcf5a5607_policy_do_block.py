"""rls insert policy

Revision ID: a00fcf5a5607
Revises: b53068421349
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "a00fcf5a5607"
down_revision = "b53068421349"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$
        BEGIN
            IF NOT EXISTS (
                SELECT 1 FROM pg_policies WHERE tablename = 'items' AND policyname = 'items_owner_ins'
            ) THEN
                CREATE POLICY items_owner_ins ON items FOR INSERT WITH CHECK (owner = current_user);
            END IF;
        END
        $$;
        """
    )


def downgrade():
    pass
