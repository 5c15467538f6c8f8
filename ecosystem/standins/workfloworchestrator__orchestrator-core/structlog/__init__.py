"""Stand-in for structlog: get_logger, the standard library's logger (one revision logs through it)."""
import logging


def get_logger(name=None):
    return logging.getLogger(name)
