"""Stand-in for keystone (scripts/rerun-recall): only what its revisions import, with keystone's values."""
