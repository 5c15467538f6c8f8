"""Stand-in for oslo.db (ecosystem/rerun-recall): only what watcher's revisions and models use."""
