"""Stand-in for g0v0-server's `app` package, as far as its revisions import it."""
