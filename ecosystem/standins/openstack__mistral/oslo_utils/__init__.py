"""Stand-in for oslo.utils (ecosystem/rerun-recall): only what mistral_lib.utils uses."""
