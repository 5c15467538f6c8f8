"""the same change under one condition on the column's identity re-runs cleanly

Revision ID: i02
Revises: i01
"""
from alembic import op
import sqlalchemy as sa

revision = "i02"
down_revision = "i01"
branch_labels = None
depends_on = None

# clean counterpart of: column-identity-not-idempotent

def upgrade():
    op.execute(
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'settings'
                           AND column_name = 'id' AND is_identity = 'YES') THEN
                ALTER TABLE settings ALTER COLUMN id DROP DEFAULT;
                DROP SEQUENCE IF EXISTS settings_id_seq;
                ALTER TABLE settings ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
            END IF;
        END $$;
        """
    )


def downgrade():
    pass
