"""Stands in for timeboxx's `timeboxx` package (backend/timeboxx; the package only)."""
