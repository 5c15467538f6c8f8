"""Stand-in for oslo.utils (ecosystem/rerun-recall): only what oslo.db's TimestampMixin uses."""
