"""Stands in for Hyperion's `app.core.groups` package (the package only; the revisions import the modules below)."""
