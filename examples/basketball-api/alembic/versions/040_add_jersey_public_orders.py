"""add jersey_public_orders

Revision ID: 040
Revises: 024
Create Date: 2026-04-11 19:02:00.000000

"""
from alembic import op

revision = "040"
down_revision = "024"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("CREATE TABLE jersey_public_orders (id serial PRIMARY KEY, player_id int NOT NULL)")
    op.execute(
        "ALTER TABLE jersey_public_orders ADD CONSTRAINT fk_jpo_player "
        "FOREIGN KEY (player_id) REFERENCES players (id)"
    )


def downgrade():
    op.execute("DROP TABLE IF EXISTS jersey_public_orders")
