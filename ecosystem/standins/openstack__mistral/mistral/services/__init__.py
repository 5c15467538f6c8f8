"""Stand-in for mistral (ecosystem/rerun-recall): only what its revisions import, with mistral's types and values."""
