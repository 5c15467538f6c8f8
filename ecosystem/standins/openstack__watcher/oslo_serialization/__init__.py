"""Stand-in for oslo.serialization (ecosystem/rerun-recall): only what watcher's models use."""
