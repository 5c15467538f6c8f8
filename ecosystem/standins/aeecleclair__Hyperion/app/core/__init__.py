"""Stands in for Hyperion's `app.core` package (the package only; the revisions import the modules below)."""
