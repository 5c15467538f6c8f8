class PackitException(Exception):
    pass
