"""base: players with a unique constraint, launches, module_items, services, artefacts, assignments, configs..., each guarded

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
    op.execute("CREATE TABLE IF NOT EXISTS stages (id integer PRIMARY KEY, name text)")
    op.execute(
        "CREATE TABLE IF NOT EXISTS artefacts (id integer PRIMARY KEY, stage text, risk text, assignee_id integer,"
        " stage_id integer)"
    )
    op.execute("INSERT INTO artefacts VALUES (1, '', 'edge', 7, NULL) ON CONFLICT DO NOTHING")
    op.execute("CREATE TABLE IF NOT EXISTS reviewers (artefact_id integer, user_id integer)")
    op.execute("CREATE TABLE IF NOT EXISTS assignments (id integer PRIMARY KEY, resource_link_id text, legacy_ref text)")
    op.execute("INSERT INTO assignments VALUES (1, NULL, 'x'), (2, 'r', NULL) ON CONFLICT DO NOTHING")
    op.execute("CREATE TABLE IF NOT EXISTS configs (id integer PRIMARY KEY, a integer CONSTRAINT ck_configs_a CHECK (a > 0))")


def downgrade():
    pass
