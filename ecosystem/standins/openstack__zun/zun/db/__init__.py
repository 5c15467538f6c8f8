"""Stand-in for zun (scripts/rerun-recall): only what its revisions import, with zun's types and values."""
