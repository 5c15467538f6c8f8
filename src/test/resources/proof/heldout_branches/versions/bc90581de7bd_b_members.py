"""branch b: members

Revision ID: bc90581de7bd
Revises: 93460813e4b4
Create Date: 2023-03-12 10:02:00.000000

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = "bc90581de7bd"
down_revision = "93460813e4b4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("project_id", sa.Integer(), sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("login", sa.String(64), nullable=False),
    )


def downgrade():
    pass
