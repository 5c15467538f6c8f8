"""Stand-in for the mwdb package: only what mwdb-core's migrations import, so they run without the app."""
