import logging


def init_logging(loggername):
    return logging.getLogger(f"keylime.{loggername}")
