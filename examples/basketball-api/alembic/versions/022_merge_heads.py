"""merge heads

Revision ID: 022
Revises: 019, 021
Create Date: 2026-03-26 16:20:00.000000

"""
revision = "022"
down_revision = ("019", "021")
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
