"""Stand-in (no mapped tables)."""


class PhaseCode:
    pass
