"""Stand-in for oslo.serialization (scripts/rerun-recall): only what zun's revisions import."""
