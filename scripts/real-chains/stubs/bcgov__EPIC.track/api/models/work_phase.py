"""Stand-in (no mapped tables)."""


class WorkPhase:
    pass
