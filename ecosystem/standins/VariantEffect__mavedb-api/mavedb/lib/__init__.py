"""Stand-in for `mavedb.lib`."""
