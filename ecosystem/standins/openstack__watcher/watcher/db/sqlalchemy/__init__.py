"""Stand-in for watcher (ecosystem/rerun-recall): only what its revisions import, with watcher's tables and types."""
