"""Stand-in for paddles: the JSONType column its root imports."""
