"""teams and fk

Revision ID: 3014af42dc1f
Revises: 2c7fe0bf0c07
Create Date: 2023-05-14 10:04:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "3014af42dc1f"
down_revision = "2c7fe0bf0c07"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    inspector = sa.inspect(conn)
    if not inspector.has_table("teams"):
        op.create_table(
            "teams",
            sa.Column("id", sa.Integer(), primary_key=True),
            sa.Column("title", sa.String(80), nullable=False),
        )
    columns = [c["name"] for c in inspector.get_columns("users")]
    fks = [fk["name"] for fk in inspector.get_foreign_keys("users")]
    with op.batch_alter_table("users", schema=None) as batch_op:
        if "team_id" not in columns:
            batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        if "fk_users_team_id_teams" not in fks:
            batch_op.create_foreign_key("fk_users_team_id_teams", "teams", ["team_id"], ["id"])


def downgrade():
    pass
