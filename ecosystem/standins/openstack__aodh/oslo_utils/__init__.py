"""Stand-in for oslo.utils (scripts/rerun-recall): only what aodh's revisions import."""
