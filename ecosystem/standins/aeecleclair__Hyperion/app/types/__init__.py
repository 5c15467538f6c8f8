"""Stands in for Hyperion's `app.types` package (the package only; the revisions import the modules below)."""
