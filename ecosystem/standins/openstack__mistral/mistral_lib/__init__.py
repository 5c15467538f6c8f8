"""Stand-in for mistral-lib (ecosystem/rerun-recall): only what mistral's revisions import."""
