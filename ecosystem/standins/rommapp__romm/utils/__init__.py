"""Stands in for backend/utils: an empty package (the real one imports the application's __version__)."""
