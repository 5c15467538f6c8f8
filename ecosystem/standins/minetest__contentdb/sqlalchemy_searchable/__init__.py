"""Stands in for the library SQLAlchemy-Searchable's `sync_trigger`, which four contentdb revisions import: every
call to it in those revisions is commented out, so the chain needs the name only. Called, it refuses rather than
run SQL the library's would not."""


def sync_trigger(conn, table_name, tsvector_column, indexed_columns, metadata=None, options=None):
    raise NotImplementedError("sync_trigger: no contentdb revision calls it (its calls are commented out)")
