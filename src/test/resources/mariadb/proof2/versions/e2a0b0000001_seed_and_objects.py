"""A MariaDB revision of seed rows, a view, a trigger, drops and a rename: each statement commits

Revision ID: e2a0b0000001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "e2a0b0000001"
down_revision = None


def upgrade():
    op.execute("INSERT INTO `teams` (`id`, `name`) VALUES (1, 'north'), (2, 'south')")
    op.execute("CREATE VIEW `v_teams` AS SELECT `id`, `name` FROM `teams`")
    op.execute("CREATE TRIGGER trg_teams_name BEFORE INSERT ON teams FOR EACH ROW SET NEW.name = LOWER(NEW.name)")
    op.execute("DROP TABLE `legacy`")
    op.drop_index("ix_teams_old", table_name="teams")
    op.rename_table("scratch", "archive")


def downgrade():
    pass
