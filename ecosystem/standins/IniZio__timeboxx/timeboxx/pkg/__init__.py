"""Stands in for timeboxx's `timeboxx.pkg` package (the package only)."""
