"""Stand-in for mavedb.lib.exceptions: AmbiguousIdentifierError, raised by revision 22e2d92d602e's fetchers."""


class AmbiguousIdentifierError(ValueError):
    pass
