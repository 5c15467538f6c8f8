"""Stands in for knowledge_repo's package: its real __init__ imports the application (git, the repository classes)."""
