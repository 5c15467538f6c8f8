"""Stands in for Hyperion's `app` package (the package only; the revisions import the modules below)."""
