"""data statements that read columns and a table the revision drops after them

The re-run fails at the first read (42703); the fix guards each read on what it reads, then the drops.

Revision ID: v04
Revises: v03
"""
from alembic import op

revision = "v04"
down_revision = "v03"
branch_labels = None
depends_on = None


def upgrade():
    op.execute("INSERT INTO reviewers (artefact_id, user_id) SELECT id, assignee_id FROM artefacts")
    op.execute("UPDATE artefacts SET stage = risk WHERE stage = ''")
    op.execute("UPDATE artefacts SET stage = s.name FROM stages s WHERE s.id = artefacts.stage_id")
    op.drop_column("artefacts", "assignee_id")
    op.drop_column("artefacts", "risk")
    op.drop_column("artefacts", "stage_id")
    op.drop_table("stages")


def downgrade():
    pass
