"""Stand-in for babel's Locale (parsed from a string such as "en_US")."""
from .core import UnknownLocaleError


class Locale:
    def __init__(self, language, territory=None):
        self.language, self.territory = language, territory

    @classmethod
    def parse(cls, identifier, sep="_"):
        parts = str(identifier).split(sep)
        return cls(parts[0], parts[1] if len(parts) > 1 else None)

    def __str__(self):
        return self.language + (f"_{self.territory}" if self.territory else "")
