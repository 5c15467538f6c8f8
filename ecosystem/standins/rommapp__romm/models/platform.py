"""Follows backend/models/platform.py at 57badfd626: DEFAULT_COVER_ASPECT_RATIO."""
DEFAULT_COVER_ASPECT_RATIO = "2 / 3"
