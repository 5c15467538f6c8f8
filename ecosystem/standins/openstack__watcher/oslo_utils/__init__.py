"""Stand-in for oslo.utils (scripts/rerun-recall): only what oslo.db's TimestampMixin uses."""
