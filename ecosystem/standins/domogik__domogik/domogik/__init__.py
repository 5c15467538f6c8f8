"""Stand-in for the `domogik` package of domogik/domogik (src/domogik): only what the revisions import."""
