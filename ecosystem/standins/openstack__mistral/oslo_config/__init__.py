"""Stand-in for oslo.config (scripts/rerun-recall): only what mistral's revisions import."""
