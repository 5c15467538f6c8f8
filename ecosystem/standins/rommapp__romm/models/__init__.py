"""Stands in for backend/models: an empty package (the real one imports the ORM models and their dependencies)."""
