"""teams title idx

Revision ID: 79b9f0d95663
Revises: 5cc0b4676e02
Create Date: 2023-02-10 10:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "79b9f0d95663"
down_revision = "5cc0b4676e02"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    existing = [ix["name"] for ix in sa.inspect(conn).get_indexes("users")]
    if "ix_teams_title" not in existing:
        with op.batch_alter_table("teams") as batch_op:
            batch_op.create_index("ix_teams_title", ["title"], unique=True)


def downgrade():
    pass
