"""Stand-ins for the rally modules its revisions import: the column types as they render on PostgreSQL, the
status constants, the exceptions, and the helpers the data revisions call only for rows an empty database lacks."""
