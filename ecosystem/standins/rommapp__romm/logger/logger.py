"""Follows backend/logger/logger.py at 57badfd626: `log`, the application's logger."""
import logging

log = logging.getLogger("romm")
