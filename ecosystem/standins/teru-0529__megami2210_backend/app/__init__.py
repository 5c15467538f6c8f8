"""Stands in for megami2210_backend's `app` package (the package only)."""
