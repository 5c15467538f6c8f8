"""Stand-in for mistral.db.utils: column_exists() as mistral defines it (inspects the migration's database)."""
from alembic import op
from sqlalchemy import inspect as ins


def column_exists(table_name, column_name):
    bind = op.get_context().bind
    insp = ins(bind)
    columns = insp.get_columns(table_name)
    return any(c["name"] == column_name for c in columns)
