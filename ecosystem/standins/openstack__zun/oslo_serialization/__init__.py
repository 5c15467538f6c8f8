"""Stand-in for oslo.serialization (ecosystem/rerun-recall): only what zun's revisions import."""
