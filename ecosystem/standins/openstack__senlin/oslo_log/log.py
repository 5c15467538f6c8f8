# oslo.log's getLogger, as the logging module's
import logging


def getLogger(name=None):
    return logging.getLogger(name)
