"""Stand-in for heat (ecosystem/rerun-recall): only what its revisions import."""
