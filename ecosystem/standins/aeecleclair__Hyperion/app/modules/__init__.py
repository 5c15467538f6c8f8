"""Stands in for Hyperion's `app.modules` package (the package only; the revisions import the modules below)."""
