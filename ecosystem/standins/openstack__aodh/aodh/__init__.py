"""Stand-in for aodh (ecosystem/rerun-recall): only what its revisions import, with aodh's types."""
