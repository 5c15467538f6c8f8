"""The helpers of orchestrator/core/migrations/helpers.py the revisions call, with the same SQL on the revision's
connection: create_task inserts a SYSTEM workflow (is_task when the column exists), ON CONFLICT DO NOTHING;
delete_workflow deletes it by name."""
import sqlalchemy as sa


def has_table_column(table_name, column_name, conn):
    found = conn.execute(
        sa.text("SELECT column_name FROM information_schema.columns WHERE table_name = :t AND column_name = :c"),
        {"t": table_name, "c": column_name},
    )
    return found.first() is not None


def create_task(conn, task):
    if has_table_column("workflows", "is_task", conn):
        sql = ("INSERT INTO workflows(name, target, is_task, description) VALUES (:name, 'SYSTEM', TRUE, :description) "
               "ON CONFLICT DO NOTHING RETURNING workflow_id")
    else:
        sql = ("INSERT INTO workflows(name, target, description) VALUES (:name, 'SYSTEM', :description) "
               "ON CONFLICT DO NOTHING RETURNING workflow_id")
    conn.execute(sa.text(sql), task)


def delete_workflow(conn, name):
    conn.execute(sa.text("DELETE FROM workflows WHERE name = :name"), {"name": name})
