"""magnum's shape: column renames on a table, then the table renamed

Revision ID: e6a0b0000001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "e6a0b0000001"
down_revision = None


def upgrade():
    op.alter_column("bay", "baymodel_id", new_column_name="cluster_template_id", existing_type=sa.String(255))
    op.alter_column("bay", "bay_create_timeout", new_column_name="create_timeout", existing_type=sa.Integer())
    op.rename_table("bay", "cluster")


def downgrade():
    pass
