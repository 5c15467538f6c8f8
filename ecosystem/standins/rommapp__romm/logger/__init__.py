"""Stands in for backend/logger: an empty package."""
