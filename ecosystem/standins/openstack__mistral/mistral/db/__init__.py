"""Stand-in for mistral (scripts/rerun-recall): only what its revisions import, with mistral's types and values."""
