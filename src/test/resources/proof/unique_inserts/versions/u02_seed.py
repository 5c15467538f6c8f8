"""seed rows keyed by unique columns, not by id

Revision ID: u02
Revises: u01
Create Date: 2026-11-22 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "u02"
down_revision = "u01"
branch_labels = None
depends_on = None


def upgrade():
    plans = sa.table("plans", sa.column("code", sa.String))
    op.bulk_insert(plans, [{"code": "free"}, {"code": "pro"}])
    regions = sa.table("regions", sa.column("slug", sa.String), sa.column("label", sa.String))
    op.bulk_insert(regions, [{"slug": "eu", "label": "Europe"}])
    op.execute("INSERT INTO currencies (iso, label) VALUES ('EUR', 'Euro')")
    # no unique column given: a re-run adds rows, it does not fail
    op.bulk_insert(regions, [{"label": "Elsewhere"}])


def downgrade():
    pass
