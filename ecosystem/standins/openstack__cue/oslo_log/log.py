"""Stand-in for oslo_log.log (oslo.log): register_options, which cue/__init__.py calls, and getLogger."""
import logging


def register_options(conf):
    return None


def getLogger(name=None):
    return logging.getLogger(name)
