"""Stand-in for oslo.utils (ecosystem/rerun-recall): only what aodh's revisions import."""
