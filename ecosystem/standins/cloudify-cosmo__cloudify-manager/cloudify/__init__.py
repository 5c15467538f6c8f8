"""Stand-in for cloudify-common's state constants the revisions import."""
