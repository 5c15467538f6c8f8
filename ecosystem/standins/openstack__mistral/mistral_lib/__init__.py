"""Stand-in for mistral-lib (scripts/rerun-recall): only what mistral's revisions import."""
