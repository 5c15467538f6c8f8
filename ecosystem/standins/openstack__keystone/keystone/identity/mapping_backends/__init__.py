"""Stand-in for keystone (ecosystem/rerun-recall): only what its revisions import, with keystone's values."""
