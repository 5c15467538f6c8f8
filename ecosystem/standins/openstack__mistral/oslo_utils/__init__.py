"""Stand-in for oslo.utils (scripts/rerun-recall): only what mistral_lib.utils uses."""
