"""Stand-in for oslo.config (ecosystem/rerun-recall): only what mistral's revisions import."""
