"""cohere-toolkit's backend package (src/backend at fdd4371edf) reduced to what its revisions import."""
