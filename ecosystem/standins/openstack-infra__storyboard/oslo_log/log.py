"""Stand-in for oslo_log.log: getLogger, which the root revision uses for a warning."""
import logging


def getLogger(name=None):
    return logging.getLogger(name)
