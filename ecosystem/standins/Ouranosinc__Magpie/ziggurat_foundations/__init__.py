"""Stand-in for ziggurat_foundations (not installed for the harness): the services the revisions call on rows."""
