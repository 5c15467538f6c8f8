"""kind check

Revision ID: 797b3a6f47a3
Revises: 2c5e0717974b
Create Date: 2023-07-16 10:06:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "797b3a6f47a3"
down_revision = "2c5e0717974b"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$
        BEGIN
            ALTER TABLE events ADD CONSTRAINT events_kind_chk CHECK (char_length(kind) < 64);
        EXCEPTION
            WHEN duplicate_object THEN NULL;
        END $$;
        """
    )


def downgrade():
    pass
