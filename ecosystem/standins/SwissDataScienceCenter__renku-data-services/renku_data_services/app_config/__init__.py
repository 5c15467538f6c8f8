"""Stand-in: revisions call logging.getLogger; the standard module does."""
import logging  # noqa: F401
