"""Stand-in: imported by a revision, never used."""


class Payment:
    pass
