"""base: players with a unique constraint, launches, module_items and services, each guarded

Revision ID: v00
Revises:
"""
from alembic import op

revision = "v00"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS players (id integer PRIMARY KEY, team_id integer, alias text)")
    op.execute(
        """
        DO $$ BEGIN
            ALTER TABLE players ADD CONSTRAINT uq_player_alias UNIQUE (team_id, alias);
        EXCEPTION WHEN duplicate_table THEN null;
        END $$;
        """
    )
    op.execute("CREATE TABLE IF NOT EXISTS launches (id integer PRIMARY KEY, created timestamp)")
    op.execute("CREATE TABLE IF NOT EXISTS module_items (id integer PRIMARY KEY, resource text)")
    op.execute("CREATE TABLE IF NOT EXISTS services (id integer PRIMARY KEY, framework_id integer, data jsonb)")


def downgrade():
    pass
