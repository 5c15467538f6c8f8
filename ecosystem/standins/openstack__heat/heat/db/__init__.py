"""Stand-in for heat (scripts/rerun-recall): only what its revisions import."""
