"""Stands in for the library SQLAlchemy-Utils (the package only)."""
