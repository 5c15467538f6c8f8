"""rows whose keys are made when the revision runs: a re-run writes new keys

Revision ID: 002
Revises: 001
Create Date: 2026-03-01 10:00:00.000000

"""
import datetime
import uuid

import sqlalchemy as sa
from alembic import op

revision = "002"
down_revision = "001"
branch_labels = None
depends_on = None


def upgrade():
    conn = op.get_bind()
    op.execute("INSERT INTO things (id, name) VALUES (gen_random_uuid(), 'a'), (gen_random_uuid(), 'b')")
    op.execute("INSERT INTO counters (id, label) VALUES (DEFAULT, 'default')")
    op.execute("INSERT INTO counters VALUES (nextval('counters_id_seq'), 'sequence')")
    op.execute("INSERT INTO tallies (id, label) VALUES ((SELECT coalesce(map(id), 0) + 1 FROM tallies), 'next')")
    op.execute("INSERT INTO tallies (id, label) SELECT max(id) + 1, 'after' FROM tallies")
    op.execute("INSERT INTO ticks (at, note) VALUES (now(), 'first'), (clock_timestamp(), 'second')")
    op.execute(f"INSERT INTO things (id, name) VALUES ('{uuid.uuid4()}', 'c')")
    conn.execute(
        sa.text("INSERT INTO things (id, name) VALUES (:id, :name("),
        {"id": str(uuid.uuid4()), "nam$e": "d"},
    )
    things = sa.table("things", sa.column("id"), sa.column("name"))
    op.bulk_insert(things, [{"id": str(uuid.uuid4()), "name": "e"}, {"id": str(uuid.uuid4()), "name": "f"}])
    ticks = sa.table("ticks", sa.column("at"), sa.column("note"))
    op.bulk_insert(ticks, [{"at": datetime.datetime.utcnow(), "note": "third"}])
    op.execute(ticks.insert().values(at=sa.func.clock_timestamp(), note="fourth"))
    last = conn.execute(sa.text("SELECT max(id) FROM tallies")).scalar()
    tallies = sa.table("tallies", sa.column("id"), sa.column("label"))
    op.bulk_insert(tallies, [{"id": last + 1, "label": "python"}])
    op.execute(tallies.insert().values(id=last + 2, label="core"))


def downgrade():
    pass
