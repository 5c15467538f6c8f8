"""Stands in for backend/handler: an empty package."""
