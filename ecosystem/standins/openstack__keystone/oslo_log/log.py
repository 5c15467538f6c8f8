import logging

getLogger = logging.getLogger
