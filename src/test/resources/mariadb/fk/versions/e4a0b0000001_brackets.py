"""CTFd's shape: a column, then an unnamed foreign key over it, then a drop

Revision ID: e4a0b0000001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "e4a0b0000001"
down_revision = None


def upgrade():
    op.create_table(
        "brackets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.add_column("teams", sa.Column("bracket_id", sa.Integer(), nullable=True))
    op.create_foreign_key(None, "teams", "brackets", ["bracket_id"], ["id"], ondelete="SET NULL")
    op.drop_column("teams", "bracket")
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("bracket_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(None, "brackets", ["bracket_id"], ["id"])


def downgrade():
    pass
