"""Stand-in for the iotronic package: an empty marker (the project's __init__ is not needed by the walk)."""
