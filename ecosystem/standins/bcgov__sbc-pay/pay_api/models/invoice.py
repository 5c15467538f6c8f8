"""Stand-in: imported by a revision, never used."""


class Invoice:
    pass
