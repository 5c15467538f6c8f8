"""kind type

Revision ID: da2df193b3c6
Revises: 282b77f8bd08
Create Date: 2023-06-15 10:05:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "da2df193b3c6"
down_revision = "282b77f8bd08"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$ BEGIN
            CREATE TYPE ticket_kind AS ENUM ('bug', 'feature', 'question');
        EXCEPTION
            WHEN duplicate_object THEN null;
        END $$;
        """
    )


def downgrade():
    pass
