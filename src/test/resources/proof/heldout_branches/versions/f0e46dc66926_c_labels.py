"""branch c: labels

Revision ID: f0e46dc66926
Revises: 93460813e4b4
Create Date: 2023-09-18 10:08:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "f0e46dc66926"
down_revision = "93460813e4b4"
branch_labels = None
depends_on = None


def upgrade():
    op.execute(
        """
        CREATE TABLE IF NOT EXISTS labels (
            id serial PRIMARY KEY,
            project_id integer REFERENCES projects(id),
            text varchar(40) NOT NULL
        )
        """
    )


def downgrade():
    pass
