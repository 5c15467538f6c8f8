"""Stand-in for idna.encode: Python's own IDNA codec (IDNA 2003), enough for the ASCII domains of a walk."""


def encode(value, uts46=False, **kwargs):
    return value.encode("idna")
