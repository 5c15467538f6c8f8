"""Stand-in for zun (ecosystem/rerun-recall): only what its revisions import, with zun's types and values."""
