"""Stand-in for `mavedb.models`."""
