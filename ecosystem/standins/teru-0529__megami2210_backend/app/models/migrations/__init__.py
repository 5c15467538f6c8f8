"""Stands in for megami2210_backend's `app.models.migrations` package (the package only)."""
