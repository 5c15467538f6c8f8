"""get_settings: 8eab64955a49 reads it into a module variable it does not use further."""
from types import SimpleNamespace


def get_settings():
    return SimpleNamespace()
