# oslo.log's getLogger, as far as the revisions use it: the standard library's logger.
import logging


def getLogger(name=None):
    return logging.getLogger(name)
