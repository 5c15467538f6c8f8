"""Stand-in for oslo.serialization (scripts/rerun-recall): only what watcher's models use."""
