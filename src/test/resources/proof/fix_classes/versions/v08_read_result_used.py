"""a DELETE reads a column the revision drops after it, and the code checks how many rows it deleted

The re-run fails at the DELETE (42703); the fix guards the DELETE together with the assert that uses its result,
then the drop.

Revision ID: v08
Revises: v07
"""
from alembic import op

revision = "v08"
down_revision = "v07"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()

    # rows with a legacy reference and no resource link go before the column does
    result = conn.execute(
        """
        DELETE FROM assignments WHERE
            legacy_ref IS NOT NULL
            AND resource_link_id IS NULL"""
    )
    assert result.rowcount <= 3, "more rows than expected"  # noqa: S101

    op.drop_column("assignments", "legacy_ref")


def downgrade():
    pass
