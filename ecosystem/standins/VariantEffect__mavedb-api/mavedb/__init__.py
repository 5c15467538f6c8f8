"""Stand-in for the package `mavedb` (src/mavedb), for the names mavedb-api's revisions import."""
