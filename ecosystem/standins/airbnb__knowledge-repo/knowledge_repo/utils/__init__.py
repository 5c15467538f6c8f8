"""Stands in for knowledge_repo.utils: an empty package."""
