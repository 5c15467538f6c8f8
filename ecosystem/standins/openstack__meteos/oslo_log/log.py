"""Stand-in for oslo_log.log (oslo.log): getLogger, which meteos' 001_meteos_init imports at module level."""
import logging


def getLogger(name=None):
    return logging.getLogger(name)
