"""Stand-in for oslo.db (scripts/rerun-recall): only what watcher's revisions and models use."""
