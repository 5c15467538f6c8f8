"""Stands in for megami2210_backend's `app.models` package (the package only)."""
