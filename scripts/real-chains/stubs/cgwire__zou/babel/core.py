class UnknownLocaleError(Exception):
    pass
