"""Stand-in for aodh (scripts/rerun-recall): only what its revisions import, with aodh's types."""
