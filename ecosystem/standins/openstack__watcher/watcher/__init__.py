"""Stand-in for watcher (scripts/rerun-recall): only what its revisions import, with watcher's tables and types."""
