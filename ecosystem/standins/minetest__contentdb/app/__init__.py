"""Stands in for contentdb's package `app` (the package only: the real one builds the Flask application)."""
