"""Stands in for backend/handler/metadata: an empty package."""
