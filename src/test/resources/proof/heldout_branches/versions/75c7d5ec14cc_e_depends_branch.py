"""branch e: tags

Revision ID: 75c7d5ec14cc
Revises: 93460813e4b4
Create Date: 2023-03-11 10:11:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "75c7d5ec14cc"
down_revision = "93460813e4b4"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    conn.execute(sa.text("CREATE TABLE project_tags (project_id int REFERENCES projects(id), tag text)"))


def downgrade():
    pass
