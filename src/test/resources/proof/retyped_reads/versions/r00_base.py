"""base: plans with text columns, and the enum a later revision gives one of them, guarded so the base itself re-runs

Revision ID: r00
Revises:
"""
from alembic import op

revision = "r00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS plans (id integer PRIMARY KEY, tier varchar(20), quota varchar(10))")
    op.execute("""
        DO $$ BEGIN
            CREATE TYPE tier_level AS ENUM ('FREE', 'PRO');
        EXCEPTION WHEN duplicate_object THEN NULL;
        END $$;
    """)


def downgrade():
    op.execute("DROP TABLE IF EXISTS plans")
    op.execute("DROP TYPE IF EXISTS tier_level")
