"""A MariaDB revision whose statements each commit: every one must survive a re-run

Revision ID: e1a0b0000001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "e1a0b0000001"
down_revision = None


def upgrade():
    op.execute("CREATE TABLE IF NOT EXISTS `teams` (`id` int PRIMARY KEY, `slug` varchar(20), `size` int)")
    op.execute("CREATE TABLE IF NOT EXISTS `players` (`id` int PRIMARY KEY, `name` varchar(20), `team_id` int)")
    op.execute("ALTER TABLE `players` ADD COLUMN `nickname` varchar(20) AFTER `name`")
    op.execute("ALTER TABLE players ADD `jersey` int")
    op.execute("ALTER TABLE `players` ADD INDEX `ix_players_team` (`team_id`)")
    op.execute("ALTER TABLE players ADD KEY ix_players_name (name)")
    op.execute("CREATE INDEX `ix_players_jersey` ON `players` (`jersey`)")
    op.execute("ALTER TABLE teams ADD UNIQUE KEY `uq_teams_slug` (`slug`)")
    op.execute("ALTER TABLE teams ADD CONSTRAINT ck_teams_size CHECK (size > 0)")
    op.execute("ALTER TABLE players ADD CONSTRAINT fk_players_team FOREIGN KEY (team_id) REFERENCES teams (id)")
    op.add_column("players", sa.Column("weight", sa.Integer()))
    op.create_index("ix_players_weight", "players", ["weight"])
    op.create_unique_constraint("uq_players_nickname", "players", ["nickname"])


def downgrade():
    pass
