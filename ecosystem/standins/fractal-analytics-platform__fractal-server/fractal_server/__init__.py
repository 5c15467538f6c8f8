"""Stand-in for fractal_server, as far as its revisions import it."""
