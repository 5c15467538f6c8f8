"""Stands in for Hyperion's `app.core.schools` package (the package only; the revisions import the modules below)."""
