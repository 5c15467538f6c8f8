"""unique id source

Revision ID: ecfa314d3fce
Revises: 797b3a6f47a3
Create Date: 2023-08-17 10:07:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "ecfa314d3fce"
down_revision = "797b3a6f47a3"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        DO $$
        BEGIN
            ALTER TABLE events ADD CONSTRAINT events_source_uniq UNIQUE (id, source);
        EXCEPTION
            WHEN duplicate_object THEN
                RAISE NOTICE 'constraint already there';
        END $$;
        """
    )


def downgrade():
    pass
